// Quick exit, the safety page, sessions, your data. Draft: needs native review.
// Titles stay neutral: a shared phone shows them in its tab list.
export default {
  safety: {
    meta: {
      page: "Talooyin",
      sessions: "Gelitaannada",
      deleteAccount: "Tirtir akoonka",
    },
    quickExit: {
      button: "Si degdeg ah u bax",
      hint: "Ama riix badhanka Shift saddex jeer.",
    },
    footer: {
      safetyLink: "Si ammaan ah u isticmaal bogga",
    },
    page: {
      title: "Si ammaan ah u isticmaal bogga",
      intro: "Halkan waxaa ku qoran waxaad samayn karto si dadka kale aanay u ogaan inaad boggan isticmaasho.",
      dangerTitle: "Ma khatar baad ku jirtaa hadda?",
      danger: "Wac booliska 112.",
      quickExitTitle: "Badhanka «Si degdeg ah u bax»",
      quickExit1:
        "Badhanku wuxuu ku yaal bog kasta korkiisa. Isla markiiba wuxuu ku geynayaa bog caadi ah, wuuna kaa saarayaa akoonka.",
      quickExit2: "Waxaad sidoo kale riixi kartaa badhanka Shift saddex jeer oo isku xigta.",
      limitsTitle: "Waxa badhanku aanu samayn",
      limits1: "Biraawsarku weli wuu xasuustaa inaad halkan joogtay. Boggaggu waxay ku jiri karaan taariikhda.",
      limits2: "Haddii qof riixo «dib u noqo», wuxuu iman karaa boggan. Laakiin adiga waa lagaa saaray.",
      limits3:
        "Badhanku ma tirtiro waxa taleefanka ku kaydsan: sawirrada shaashadda, faylasha la soo dejiyay iyo kalandarka.",
      historyTitle: "Tirtir taariikhda",
      history1:
        "Tirtir oo keliya boggaga halkan ka yimid, ha tirtirin taariikhda oo dhan. Taariikh madhan ayaa la yaab leh.",
      historyAndroid: "Chrome ee Android: riix ⋮ oo dooro «Taariikhda». Riix × boggaga halkan ka yimid.",
      historyIphone:
        "Safari ee iPhone: riix calaamadda buugga kadibna saacadda. Boggaga halkan ka yimid bidix u jiid oo riix «Tirtir».",
      historyComputer: "Kombiyuutarka: riix Ctrl + H (Mac: Cmd + Y). Hel boggaga halkan ka yimid oo tirtir.",
      privateTitle: "Isticmaal daaqad gaar ah",
      private1: "Daaqad gaar ah ma xasuusato boggaga marka aad xirto. Chrome waxaa la yiraahdaa «incognito».",
      private2:
        "Chrome: riix ⋮ oo dooro «Tab incognito cusub». Safari ee iPhone: riix badhanka tabsiyada oo dooro «Gaar».",
      private3: "Xir daaqadda gaarka ah marka aad dhammayso.",
      sharedTitle: "Taleefan la wadaago ama la amaahday",
      shared1:
        "Marka aad gelayso: ha calaamadin «taleefankayga». Markaas waad baxaysaa marka aad xirto biraawsarka, ama 30 daqiiqo kadib.",
      shared2: "Ha u oggolaan biraawsarka inuu kaydiyo ereygaaga sirta ah.",
      shared3:
        "Ka bax marka aad dhammayso. «Boggayga» waxaad ku arkaysaa meelaha aad ku jirto, waadna ka bixi kartaa meelaha kale.",
      calendarTitle: "Kalandarka taleefanka",
      calendar1:
        "Haddii aad kalandarka halkan ku dartay taleefankaaga, dadka kale way arki karaan ballamaha. Ka dooro magacyo caadi ah «Boggayga».",
      calendar2: "«Boggayga» waxaad ka samayn kartaa xiriiriye kalandar oo cusub. Markaas kii hore wuu joogsanayaa.",
      calendarGoogle:
        "Google Calendar: ka fur calendar.google.com kombiyuutar. Kalandarka ku hoos jira «Kalandarro kale» dul dhig oo riix ×.",
      calendarApple:
        "iPhone: tag Settings → Calendar → Accounts → Subscribed Calendars. Dooro kalandarka oo riix «Delete Account».",
      calendarOutlook: "Outlook: midig ku riix kalandarka ku hoos jira «Kalandarro kale» oo dooro «Ka saar».",
      notificationsTitle: "Ogeysiisyo",
      notifications1: "Boggan ma diro ogeysiis, SMS ama iimayl.",
      notifications2:
        "Kalandarka taleefanku wuxuu shaashadda quful ku tusi karaa xasuusin. Dami ogeysiisyada kalandarka, ama isticmaal magacyo caadi ah.",
      filesTitle: "Faylasha iyo shaashadda hore",
      files1: "Haddii aad soo dejiso xogtaada, faylku wuxuu galayaa «Downloads». Tirtir marka aad dhammayso.",
      files2: "Haddii aad bogga ku darto shaashadda hore, magaciisu waa «{{siteName}}».",
    },
    sessions: {
      title: "Gelitaannada",
      intro: "Halkan ayaad hadda ku jirtaa. Haddii aadan garanayn gelitaan, ka saar.",
      signedIn: "La galay",
      lastSeen: "Markii ugu dambaysay",
      thisDevice: "Qalabkan",
      ownDevice: "Qalab gaar ah (30 maalmood)",
      sharedDevice: "Qalab la wadaago",
      end: "Ka bax",
      endOthers: "Ka bax meelaha kale oo dhan",
      ended: "Gelitaanka waa la joojiyay.",
      endedOthers: "Waxaad ka baxday meelaha kale oo dhan.",
      onlyThis: "Halkan oo keliya ayaad ku jirtaa.",
    },
    deleteAccount: {
      title: "Tirtir akoonkaaga",
      intro: "Wax kasta oo adiga kugu saabsan isla markiiba waa la tirtirayaa. Dib uma celin kartid.",
      whatGoes:
        "Waxaa la tirtirayaa: naanaystaada, kooxahaaga, jawaabahaaga iyo fariimahaaga, gelitaannada iyo xiriiriyeyaasha kalandarka.",
      whatStays:
        "Weli waxaan tirinaynaa in qof ka qaybgalay hawlo dhammaaday, laakiin naanays ama wax adiga kuu tilmaamaya la'aan.",
      download: "Ma rabtaa inaad wax kaydsato? Marka hore soo dejiso xogtaada.",
      downloadLink: "Soo dejiso xogtayda",
      confirmLabel: "Haa, hadda tirtir akoonkayga",
      submit: "Tirtir akoonka",
      cancel: "Maya, ku noqo Boggayga",
      deletedTitle: "Akoonka waa la tirtiray",
      deletedBody: "Wax kasta oo adiga kugu saabsan waa la tirtiray, waana lagaa saaray.",
      goHome: "Tag bogga hore",
    },
  },
  validation: {
    safety: {
      confirmDelete: "Calaamadee si aad u xaqiijiso inaad rabto inaad tirtirto akoonka.",
    },
  },
} as const;
