// Norsk bokmål, shared parts. Plain language: short sentences, common words.
export default {
  meta: {
    home: "Velkommen",
    notFound: "Fant ikke siden",
    error: "Noe gikk galt",
  },
  layout: {
    skipToContent: "Gå til innholdet",
    mainNav: "Hovedmeny",
    home: "Forside",
    language: "Språk",
    changeLanguage: "Bytt språk",
    activities: "Aktiviteter",
    myPage: "Min side",
    staffHome: "Ansatt",
    signOut: "Logg ut",
    footer: "Et trygt sted å møtes.",
  },
  home: {
    title: "Velkommen",
    intro: "Her finner du aktiviteter og folk som forstår deg. Du trenger ikke forklare.",
    chaptersTitle: "Lokallag",
    chaptersIntro: "Vi har lokallag flere steder i Norge:",
    noChapters: "Ingen lokallag ennå.",
    howToJoinTitle: "Slik blir du med",
    howToJoin:
      "Du får en kode fra en av oss som jobber her. Vi gir deg koden når vi møtes. Med koden kan du lage en bruker. Du velger et kallenavn selv.",
    haveCode: "Jeg har en kode",
    signIn: "Logg inn",
  },
  errors: {
    notFoundTitle: "Vi fant ikke siden",
    notFoundBody: "Siden finnes ikke, eller du har ikke tilgang til den.",
    notFoundHelp: "Sjekk adressen, eller gå til forsiden.",
    errorTitle: "Noe gikk galt",
    errorBody: "Det er ikke din feil. Prøv igjen om litt.",
    goHome: "Gå til forsiden",
    statusTitle: "Feil {{status}}",
  },
  validation: {
    summaryTitle: "Noe må rettes",
    errorPrefix: "Feil:",
    invalid: "Sjekk dette feltet.",
    required: "Fyll ut dette feltet.",
    tooLong: "Teksten er for lang.",
  },
} as const;
