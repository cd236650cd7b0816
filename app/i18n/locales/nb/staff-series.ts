// Norsk bokmål, staff pages: series, holidays, copies and drafts (the weekly programme).
export default {
  staffSeries: {
    scopeLegend: "Hvilke datoer gjelder endringen?",
    scopeThis: "Bare denne datoen ({{date}})",
    scopeFollowing: "Denne og datoene etter",
    scopeAll: "Alle datoer i serien som ikke er over",
    scopeHint:
      "Svarene blir stående. Klokkeslettene gjelder i norsk tid på hver dato, også etter at klokka stilles. Setter du ned antall plasser, beholder de som kommer plassen sin; nye svar går da på venteliste.",
    savedDates: "Lagret. Datoer som ble endret: {{count}}.",
    seriesHeading: "Datoene i serien",
    seriesIntro: "Kryss av datoer du vil hoppe over.",
    occurrence: "{{going}} kommer, {{waitlist}} på venteliste",
    thisPage: "denne siden",
    cancelledDate: "avlyst",
    draftDate: "utkast",
    skip: "Hopp over datoene som er krysset av",
    skipExplain:
      "En dato ingen har svart på, blir fjernet. En dato med svar blir avlyst i stedet, så de som har svart, får beskjed.",
    skipReasonLabel: "Grunn, hvis en avkrysset dato har svar (medlemmene ser den)",
    skipped: "Fjernet: {{removed}}. Avlyst fordi noen hadde svart: {{cancelled}}.",
    cancelThisOnly: "Avlys bare denne datoen",
    cancelRestHeading: "Avlys resten av serien",
    cancelRestExplain:
      "Avlyser denne datoen og alle senere datoer i serien ({{count}} datoer), med grunnen over. Alle som har svart, får beskjed. Du kan angre dem samlet i et døgn.",
    cancelRest: "Avlys denne og resten av serien ({{count}} datoer)",
    cancelledRest: "Avlyste datoer: {{count}}.",
    pastConfirm: "Jeg registrerer noe som allerede har skjedd",
    pastConfirmHint: "Kryss av bare hvis aktiviteten var før i dag, for eksempel for rapporten.",
    holidaysHeading: "Noen datoer faller på helligdager",
    holidaysExplain:
      "Datoene som er krysset av, blir hoppet over. Fjern krysset for å beholde en dato. Trykk så på knappen igjen.",
    holidayChristmas: "Jul og nyttår",
    holidayEaster: "Påskeuka",
    holidayPublic: "Helligdag",
    copyHeading: "Kopier til en annen dato",
    copyExplain:
      "Lager en ny enkeltaktivitet med samme klokkeslett, sted og tekst på den nye datoen. Ingen svar blir kopiert.",
    copyNextWeek: "Kopier til neste uke ({{date}})",
    copyDate: "Ny dato",
    copyToDate: "Kopier til denne datoen",
    copied: "Dette er en kopi på den nye datoen. Se over og endre det som er annerledes.",
    saveDraft: "Lagre som utkast",
    draftNotice: "Utkast: medlemmene ser ikke denne ennå.",
    draftSaved: "Lagret som utkast. Bare ansatte ser det.",
    draftLabel: "Utkast",
    publishHeading: "Publiser",
    publishExplain: "Når du publiserer, ser medlemmene i gruppa aktiviteten, og den kommer i kalenderne deres.",
    publishNow: "Publiser nå",
    publishSeries: "Publiser alle utkast i serien",
    published: "Publisert.",
    preview: "Forhåndsvis som medlem",
    previewBanner: "Forhåndsvisning – ikke publisert. Slik ser et medlem av gruppa aktiviteten.",
    previewBack: "Tilbake til redigering",
    metaPreview: "Forhåndsvisning",
  },
  validation: {
    staffSeries: {
      startInPast:
        "Starten er før nå. Velg et senere tidspunkt, eller kryss av for «Jeg registrerer noe som allerede har skjedd».",
      everyDateSkipped: "Alle datoene er hoppet over. Behold minst én.",
      copySameDate: "Velg en annen dato enn aktivitetens egen.",
      chooseScope: "Velg hvilke datoer endringen gjelder.",
      skipReasonRequired:
        "Noen har svart på en avkrysset dato, så den blir avlyst, ikke fjernet. Skriv hvorfor: de ser det.",
      changedMeanwhile:
        "Noen endret datoene etter at du åpnet siden, så ingenting er gjort. Siden viser dem nå slik de er: se over og prøv igjen.",
    },
  },
} as const;
