// Members: answering every date of a weekly series at once.
export default {
  memberSeries: {
    everyTime: "Jeg kommer hver gang",
    everyTimeHint:
      "Svarer ja for hver av de neste datoene i serien. Er en dato full, kommer du på ventelisten for den datoen.",
    leaveAll: "Jeg kommer ikke på resten",
    heading: "De neste datoene",
    place: "Du har plass",
    waitlist: "Venteliste, nummer {{position}}",
    notGoing: "Du kommer ikke",
    none: "Ikke svart",
    blocked: "Kan ikke svares på",
  },
} as const;
