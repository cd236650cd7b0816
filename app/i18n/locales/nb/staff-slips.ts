// Norsk bokmål, staff pages only: invite slips in batches (a staff label, one or two languages)
// and a member's page with her attendance.
export default {
  staffSlips: {
    label: "Merkelapp for bunken (bare for ansatte)",
    labelHint: "For eksempel «Bergen, gruppa for menn, delt ut på kafeen». Står ikke på lappene. Høyst {{max}} tegn.",
    languages: "Språk på lappene",
    languagesHint: "Ett eller to språk. Koden og QR-koden er de samme.",
    cutHint: "Klipp langs de stiplede linjene.",
    noLabel: "Uten merkelapp",
    groups: "Grupper:",
    noGroups: "ingen grupper",
    slipLanguages: "Språk:",
  },
  staffMember: {
    back: "Til medlemmene",
    status: "Status",
    active: "Aktiv",
    deactivated: "Deaktivert",
    groups: "Grupper",
    noGroups: "Ingen grupper",
    history: "Oppmøte",
    historyIntro:
      "De siste {{max}} aktivitetene medlemmet sa ja til eller kom på. Bare ansatte i lokallaget ser dette.",
    historyNone: "Ingen aktiviteter ennå.",
    activity: "Aktivitet",
    date: "Dato",
    outcome: "Oppmøte",
    came: "Kom",
    didNotCome: "Kom ikke",
    walkIn: "Kom uten å ha svart",
    open: "Se {{pseudonym}}",
    meta: "Medlem",
  },
  validation: {
    staffSlips: {
      chooseLanguages: "Velg ett eller to av språkene.",
      labelTooLong: "Merkelappen kan ha høyst 80 tegn.",
    },
  },
} as const;
