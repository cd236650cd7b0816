// Calendar feeds: the section on Min side, the staff feeds page, and the words inside feeds.
// Plain language: short sentences, common words.
export default {
  calendar: {
    metaTitle: "Kalender",
    event: {
      /** the title of every event when "hide activity names" is on */
      neutralTitle: "Avtale",
      going: "Du er påmeldt.",
      waitlisted: "Du står på venteliste.",
      offered: "Du har fått tilbud om en plass. Svar på nettstedet.",
      notAnswered: "Du har ikke svart ennå.",
      cancelled: "Avlyst.",
    },
    section: {
      title: "Aktiviteter i kalenderen din",
      intro:
        "Med en privat lenke kan kalenderen på telefonen vise aktivitetene dine. Kalenderen henter endringer av seg selv.",
      secret: "Alle som har lenken, kan se aktivitetene dine. Ikke del den med noen.",
      noLink: "Du har ingen kalenderlenke ennå.",
      hasLink: "Du har en kalenderlenke. Den ble laget {{date}}.",
      lostLink: "Har du mistet lenken? Lag en ny. Den gamle slutter å virke med en gang.",
      createLink: "Lag kalenderlenke",
      replaceLink: "Lag ny lenke",
      newLinkTitle: "Din nye kalenderlenke",
      copyNow: "Kopier lenken nå. Vi viser den bare denne ene gangen.",
      linkLabel: "Lenke til kalenderen",
      copy: "Kopier lenken",
      copied: "Lenken er kopiert.",
      copyFailed: "Kunne ikke kopiere. Merk teksten og kopier den selv.",
      openInApp: "Åpne i kalenderappen",
      settingsTitle: "Hva kalenderen viser",
      discreetLabel: "Skjul navn på aktiviteter",
      discreetHint:
        "Alle aktiviteter heter «Avtale», uten beskrivelse. Adressen står bare på aktiviteter du er påmeldt.",
      allLabel: "Vis alle kommende aktiviteter jeg kan bli med på",
      allHint: "Ellers viser kalenderen bare det du er påmeldt eller står på venteliste til.",
      saveSettings: "Lagre valgene",
      settingsSaved: "Valgene er lagret. Kalenderen viser endringen neste gang den henter.",
      howToTitle: "Slik legger du til kalenderen",
      appleTitle: "iPhone og iPad",
      apple:
        "Trykk «Åpne i kalenderappen» rett etter at du har laget lenken. Eller: Innstillinger › Kalender › Kontoer › Legg til konto › Annet › Legg til abonnert kalender, og lim inn lenken.",
      googleTitle: "Google Kalender (Android)",
      google:
        "Åpne Google Kalender i en nettleser på en PC. Trykk + ved «Andre kalendere», velg «Fra nettadresse» og lim inn lenken. Kalenderen kommer så på telefonen. Google kan bruke opptil ett døgn på å vise endringer.",
      outlookTitle: "Outlook",
      outlook: "Gå til Kalender › Legg til kalender › Abonner fra nettet, og lim inn lenken.",
      removeTitle: "Slik fjerner du kalenderen",
      remove:
        "Slett den abonnerte kalenderen i kalenderappen. Vil du også at lenken skal slutte å virke, lag en ny lenke her.",
      privacyTip:
        "Tips: Bruker andre telefonen din, eller ser de skjermen? Skru av varsler for denne kalenderen, og slå på «Skjul navn på aktiviteter».",
    },
    staff: {
      metaTitle: "Kalender for lokallag",
      title: "Kalender for lokallag",
      intro:
        "En privat kalenderlenke per lokallag. Kalenderen viser alle aktivitetene i lokallaget, med adresse. Ikke del lenken.",
      noChapters: "Du jobber ikke i noe lokallag ennå.",
      hasLink: "Lenke laget {{date}}.",
      noLink: "Ingen lenke ennå.",
      newLinkFor: "Ny kalenderlenke for {{chapter}}",
    },
    download: {
      link: "Legg i kalenderen min (.ics)",
      fileName: "avtale",
    },
  },
} as const;
