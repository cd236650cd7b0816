// Soomaali, shared parts. Draft: needs review by a native speaker. Short sentences, common words.
export default {
  meta: {
    home: "Soo dhawoow",
    notFound: "Bogga lama helin",
    error: "Wax baa khaldamay",
  },
  layout: {
    skipToContent: "U gud qoraalka",
    mainNav: "Liiska ugu muhiimsan",
    home: "Bogga hore",
    language: "Luqadda",
    changeLanguage: "Beddel luqadda",
    activities: "Hawlaha",
    myPage: "Boggayga",
    staffHome: "Shaqaalaha",
    signOut: "Ka bax",
    footer: "Meel ammaan ah oo lagu kulmo.",
  },
  home: {
    title: "Soo dhawoow",
    intro: "Halkan waxaad ka helaysaa hawlo iyo dad ku fahmaya. Uma baahnid inaad sharaxdo.",
    chaptersTitle: "Laamaha deegaanka",
    chaptersIntro: "Waxaan laamo ku leenahay meelo badan oo Norway ah:",
    noChapters: "Weli ma jiraan laamo.",
    howToJoinTitle: "Sida aad ku soo biirayso",
    howToJoin:
      "Koodh waxaad ka helaysaa qof halkan ka shaqeeya. Koodhka waxaan ku siinaa marka aan kulanno. Koodhka waxaad ku samaysaa akoon. Naanays adiga ayaa dooranaya.",
    haveCode: "Koodh baan haystaa",
    signIn: "Gal",
  },
  errors: {
    notFoundTitle: "Bogga ma aanu helin",
    notFoundBody: "Boggu ma jiro, ama fasax uma lihid.",
    notFoundHelp: "Hubi cinwaanka, ama tag bogga hore.",
    errorTitle: "Wax baa khaldamay",
    errorBody: "Khaladku adiga maaha. Mar kale isku day wax yar kadib.",
    goHome: "Tag bogga hore",
    statusTitle: "Khalad {{status}}",
  },
  validation: {
    summaryTitle: "Wax baa u baahan in la saxo",
    errorPrefix: "Khalad:",
    invalid: "Hubi meeshan.",
    required: "Buuxi meeshan.",
    tooLong: "Qoraalku aad buu u dheer yahay.",
  },
} as const;
