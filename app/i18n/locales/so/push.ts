// Push notifications: the neutral line and the settings for this device. Draft: needs native review.
export default {
  push: {
    neutralLine: "Waxaad leedahay fariin cusub",
    settings: {
      title: "Ogeysiisyada qalabkan",
      intro:
        "Waxaan kugu ogeysiin karnaa qalabkan marka aad hesho fariin cusub. Ogeysiisku wuxuu muujiyaa oo keliya magaca bogga iyo “Waxaad leedahay fariin cusub”.",
      needsScript: "Ogeysiisyadu waxay u baahan yihiin JavaScript biraawsarka.",
      unsupported: "Biraawsarkan ma muujin karo ogeysiisyo naga yimid.",
      installFirst:
        "iPhone iyo iPad, ogeysiisyadu waxay yimaadaan oo keliya marka boggu ku jiro Shaashadda Hore. Taabo Share, kadib “Add to Home Screen”, oo halkaas ka fur.",
      blocked: "Ogeysiisyada boggan waa laga damiyay dejinta biraawsarka.",
      isOn: "Ogeysiisyadu way shidan yihiin qalabkan.",
      isOff: "Ogeysiisyadu way dansan yihiin qalabkan.",
      turnOn: "Shid ogeysiisyada",
      turnOff: "Dami ogeysiisyada",
      showDetails: "Ku muuji wax yar oo dheeraad ah shaashadda qufulka ee qalabkan",
      showDetailsHint:
        "Kaliya haddii aan cid kale arkin shaashaddaada. La'aanteed waxaa ku qoran oo keliya “Waxaad leedahay fariin cusub”.",
      saved: "Waa la keydiyay.",
      failed: "Ma shaqeyn. Mar kale isku day.",
      otherDevices: "Qalab kastaa doorashadiisa ayuu leeyahay. Qalabka kale isma beddelaan.",
    },
  },
};
