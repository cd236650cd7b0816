// Members: answering every date of a weekly series at once.
export default {
  memberSeries: {
    everyTime: "Mar walba waan imanayaa",
    everyTimeHint:
      "Waxay haa uga jawaabtaa taariikh kasta oo soo socota ee taxanaha. Haddii taariikh buuxdo, waxaad gelaysaa liiska sugitaanka taariikhdaas.",
    leaveAll: "Ma imanayo inta ka hartay",
    heading: "Taariikhaha soo socda",
    place: "Meel baad leedahay",
    waitlist: "Liiska sugitaanka, lambarka {{position}}",
    notGoing: "Ma imanaysid",
    none: "Lama jawaabin",
    blocked: "Lama jawaabi karo",
  },
} as const;
