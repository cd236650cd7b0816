// Push notifications: the one neutral line a lock screen shows, and the settings for this device.
// Plain language: short sentences, common words.
export default {
  push: {
    neutralLine: "Du har en ny melding",
    settings: {
      title: "Varsler på denne enheten",
      intro:
        "Vi kan gi beskjed på denne enheten når du har en ny melding. Varselet viser bare navnet på nettstedet og «Du har en ny melding».",
      needsScript: "Varsler trenger JavaScript i nettleseren.",
      unsupported: "Denne nettleseren kan ikke vise varsler fra oss.",
      installFirst:
        "På iPhone og iPad kommer varsler bare når nettstedet ligger på Hjem-skjermen. Trykk på Del, så «Legg til på Hjem-skjerm», og åpne det derfra.",
      blocked: "Varsler er slått av for dette nettstedet i innstillingene til nettleseren.",
      isOn: "Varsler er på for denne enheten.",
      isOff: "Varsler er av for denne enheten.",
      turnOn: "Slå på varsler",
      turnOff: "Slå av varsler",
      showDetails: "Vis litt mer på låseskjermen til denne enheten",
      showDetailsHint: "Bare om ingen andre ser skjermen din. Uten dette står det bare «Du har en ny melding».",
      saved: "Lagret.",
      failed: "Det gikk ikke. Prøv igjen.",
      otherDevices: "Hver enhet har sitt eget valg. Andre enheter endres ikke.",
    },
  },
} as const;
