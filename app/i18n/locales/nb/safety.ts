// Norsk bokmål: quick exit, the safety page, sessions, your data. Plain language: short
// sentences, common words. Titles stay neutral: a shared phone shows them in its tab list.
export default {
  safety: {
    meta: {
      page: "Tips",
      sessions: "Innlogginger",
      deleteAccount: "Slett brukeren",
    },
    quickExit: {
      button: "Gå raskt ut",
      hint: "Eller trykk Shift-tasten tre ganger.",
    },
    footer: {
      safetyLink: "Trygg bruk av siden",
    },
    page: {
      title: "Trygg bruk av siden",
      intro: "Her står det hva du kan gjøre så andre ikke ser at du bruker denne siden.",
      dangerTitle: "Er du i fare nå?",
      danger: "Ring politiet på 112.",
      quickExitTitle: "Knappen «Gå raskt ut»",
      quickExit1:
        "Knappen er øverst på alle sider. Den tar deg med en gang til en vanlig nettside, og den logger deg ut.",
      quickExit2: "Du kan også trykke Shift-tasten tre ganger etter hverandre.",
      limitsTitle: "Dette gjør knappen ikke",
      limits1: "Nettleseren husker fortsatt at du har vært her. Sidene kan stå i loggen (historikken).",
      limits2: "Trykker noen «tilbake», kan de komme til denne siden. Men du er logget ut.",
      limits3: "Knappen sletter ikke det som er lagret på telefonen: skjermbilder, nedlastede filer og kalenderen.",
      historyTitle: "Slett loggen",
      history1: "Slett bare sidene herfra, ikke hele loggen. En helt tom logg kan se rar ut.",
      historyAndroid: "Chrome på Android: trykk ⋮ og velg «Logg». Trykk × ved sidene herfra.",
      historyIphone:
        "Safari på iPhone: trykk bok-ikonet og så klokken. Sveip til venstre på sidene herfra og trykk «Slett».",
      historyComputer: "På PC: trykk Ctrl + H (Mac: Cmd + Y). Finn sidene herfra og slett dem.",
      privateTitle: "Bruk et privat vindu",
      private1: "Et privat vindu husker ikke sidene når du lukker det. Det heter «inkognito» i Chrome.",
      private2: "Chrome: trykk ⋮ og velg «Ny inkognitofane». Safari på iPhone: trykk fane-knappen og velg «Privat».",
      private3: "Lukk det private vinduet når du er ferdig.",
      sharedTitle: "Delt eller lånt telefon",
      shared1:
        "Når du logger inn: ikke kryss av for «min egen telefon». Da blir du logget ut når du lukker nettleseren, eller etter 30 minutter.",
      shared2: "Ikke la nettleseren lagre passordet ditt.",
      shared3: "Logg ut når du er ferdig. På «Min side» kan du se hvor du er logget inn, og logge ut andre steder.",
      calendarTitle: "Kalenderen på telefonen",
      calendar1:
        "Har du lagt kalenderen herfra inn på telefonen, kan andre se avtalene der. Velg nøytrale titler på «Min side».",
      calendar2: "Du kan lage en ny kalenderlenke på «Min side». Da slutter den gamle å virke.",
      calendarGoogle:
        "Google Kalender: åpne calendar.google.com på en PC. Pek på kalenderen under «Andre kalendere» og trykk ×.",
      calendarApple:
        "iPhone: gå til Innstillinger → Kalender → Kontoer → Abonnerte kalendere. Velg kalenderen og trykk «Slett konto».",
      calendarOutlook: "Outlook: høyreklikk kalenderen under «Andre kalendere» og velg «Fjern».",
      notificationsTitle: "Varsler",
      notifications1: "Denne siden sender ingen varsler, SMS eller e-post.",
      notifications2:
        "Kalenderen på telefonen kan vise påminnelser på låseskjermen. Slå av varsler for kalenderen, eller bruk nøytrale titler.",
      filesTitle: "Filer og hjemskjerm",
      files1: "Laster du ned dataene dine, havner filen i «Nedlastinger». Slett den når du er ferdig.",
      files2: "Legger du siden til på hjemskjermen, heter den «{{siteName}}».",
    },
    sessions: {
      title: "Innlogginger",
      intro: "Her er du logget inn nå. Kjenner du ikke igjen en innlogging, logg den ut.",
      signedIn: "Logget inn",
      lastSeen: "Sist brukt",
      thisDevice: "Denne enheten",
      ownDevice: "Egen enhet (30 dager)",
      sharedDevice: "Delt enhet",
      end: "Logg ut",
      endOthers: "Logg ut alle andre steder",
      ended: "Innloggingen er avsluttet.",
      endedOthers: "Du er logget ut alle andre steder.",
      onlyThis: "Du er bare logget inn her.",
    },
    deleteAccount: {
      title: "Slett brukeren din",
      intro: "Alt om deg blir slettet med en gang. Du kan ikke angre.",
      whatGoes:
        "Dette blir slettet: kallenavnet ditt, gruppene dine, svarene og beskjedene dine, innlogginger og kalenderlenker.",
      whatStays:
        "Vi teller fortsatt at noen var med på aktiviteter som er ferdige, men uten kallenavn eller noe som peker på deg.",
      download: "Vil du ta vare på noe? Last ned dataene dine først.",
      downloadLink: "Last ned dataene mine",
      confirmLabel: "Ja, slett brukeren min nå",
      submit: "Slett brukeren",
      cancel: "Nei, tilbake til Min side",
      deletedTitle: "Brukeren er slettet",
      deletedBody: "Alt om deg er slettet, og du er logget ut.",
      goHome: "Gå til forsiden",
    },
  },
  validation: {
    safety: {
      confirmDelete: "Kryss av for å bekrefte at du vil slette brukeren.",
    },
  },
} as const;
