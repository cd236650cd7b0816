// Members: answering every date of a weekly series at once.
export default {
  memberSeries: {
    everyTime: "I will come every time",
    everyTimeHint:
      "Answers yes for each of the coming dates in the series. If a date is full, you go on the waitlist for that date.",
    leaveAll: "I will not come to the rest",
    heading: "The coming dates",
    place: "You have a place",
    waitlist: "Waitlist, number {{position}}",
    notGoing: "You are not coming",
    none: "Not answered",
    blocked: "Cannot be answered",
  },
} as const;
