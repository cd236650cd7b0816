// Calendar feeds: the section on my page, the staff feeds page, the words inside feeds.
// Draft: needs native review.
export default {
  calendar: {
    metaTitle: "Kalandar",
    event: {
      /** the title of every event when "hide activity names" is on */
      neutralTitle: "Ballan",
      going: "Waad is diiwaangelisay.",
      waitlisted: "Waxaad ku jirtaa liiska sugitaanka.",
      offered: "Boos ayaa laguu soo bandhigay. Ka jawaab bogga.",
      notAnswered: "Weli ma jawaabin.",
      cancelled: "Waa la joojiyay.",
    },
    section: {
      title: "Hawlaha kalandarkaaga",
      intro:
        "Xiriiriye gaar ah ayaa kalandarka taleefankaaga tusi kara hawlahaaga. Kalandarku isbeddellada isagaa keenaya.",
      secret: "Qof kasta oo haysta xiriiriyaha wuu arki karaa hawlahaaga. Cidna ha la wadaagin.",
      noLink: "Weli xiriiriye kalandar ma lihid.",
      hasLink: "Xiriiriye kalandar ayaad leedahay. Waxaa la sameeyay {{date}}.",
      lostLink: "Ma lumisay xiriiriyaha? Samee mid cusub. Kii hore isla markiiba wuu joogsanayaa.",
      createLink: "Samee xiriiriye kalandar",
      replaceLink: "Samee xiriiriye cusub",
      newLinkTitle: "Xiriiriyahaaga kalandar ee cusub",
      copyNow: "Hadda koobiyee xiriiriyaha. Hal mar oo keliya ayaan ku tusaynaa.",
      linkLabel: "Xiriiriyaha kalandarka",
      copy: "Koobiyee xiriiriyaha",
      copied: "Xiriiriyaha waa la koobiyeeyay.",
      copyFailed: "Lama koobiyeyn karo. Calaamadee qoraalka oo adigu koobiyee.",
      openInApp: "Ku fur app-ka kalandarka",
      settingsTitle: "Waxa kalandarku tusayo",
      discreetLabel: "Qari magacyada hawlaha",
      discreetHint:
        "Hawl kasta waxaa la yiraahdaa «Ballan», sharaxaad la'aan. Cinwaanku wuxuu ku jiraa oo keliya hawlaha aad is diiwaangelisay.",
      allLabel: "Tus dhammaan hawlaha soo socda ee aan ka qaybgeli karo",
      allHint:
        "Haddii kale kalandarku wuxuu tusayaa oo keliya waxaad is diiwaangelisay ama liiska sugitaanka ku jirto.",
      saveSettings: "Kaydi doorashooyinka",
      settingsSaved: "Doorashooyinka waa la kaydiyay. Kalandarku wuxuu tusayaa isbeddelka marka xigta.",
      howToTitle: "Sida loogu daro kalandarka",
      appleTitle: "iPhone iyo iPad",
      apple:
        "Riix «Ku fur app-ka kalandarka» isla marka aad samayso xiriiriyaha. Ama: Settings › Calendar › Accounts › Add Account › Other › Add Subscribed Calendar, oo ku dheji xiriiriyaha.",
      googleTitle: "Google Calendar (Android)",
      google:
        "Ku fur Google Calendar biraawsar kombiyuutar ku jira. Riix + agagaarka «Kalandarro kale», dooro «From URL» oo ku dheji xiriiriyaha. Kadib kalandarku wuxuu imanayaa taleefanka. Google wuxuu qaadan karaa ilaa hal maalin si uu u tuso isbeddellada.",
      outlookTitle: "Outlook",
      outlook: "Tag Calendar › Add calendar › Subscribe from web, oo ku dheji xiriiriyaha.",
      removeTitle: "Sida looga saaro kalandarka",
      remove:
        "Ka tirtir kalandarka app-ka kalandarka. Haddii aad rabto in xiriiriyuhu joogsado, halkan ka samee xiriiriye cusub.",
      privacyTip:
        "Talo: Dad kale ma isticmaalaan taleefankaaga, mise ma arkaan shaashadda? Dami ogeysiisyada kalandarkan, oo shid «Qari magacyada hawlaha».",
    },
    staff: {
      metaTitle: "Kalandarka laamaha",
      title: "Kalandarka laamaha",
      intro:
        "Hal xiriiriye kalandar oo gaar ah laan kasta. Kalandarku wuxuu tusayaa dhammaan hawlaha laanta, cinwaanka la socda. Ha la wadaagin xiriiriyaha.",
      noChapters: "Weli kama shaqaysid laan.",
      hasLink: "Xiriiriyaha waxaa la sameeyay {{date}}.",
      noLink: "Weli xiriiriye ma jiro.",
      newLinkFor: "Xiriiriye kalandar oo cusub oo loogu talagalay {{chapter}}",
    },
    download: {
      link: "Ku dar kalandarkayga (.ics)",
      // Sent in a Content-Disposition header: Latin letters only.
      fileName: "ballan",
    },
  },
} as const;
