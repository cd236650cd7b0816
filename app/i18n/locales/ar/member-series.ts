// Members: answering every date of a weekly series at once.
export default {
  memberSeries: {
    everyTime: "سآتي في كل مرة",
    everyTimeHint:
      "يجيب بنعم على كل التواريخ القادمة في السلسلة. إذا كان تاريخ ممتلئاً، تدخلين قائمة الانتظار لذلك التاريخ.",
    leaveAll: "لن آتي إلى بقية المرات",
    heading: "التواريخ القادمة",
    place: "لديك مكان",
    waitlist: "قائمة الانتظار، رقم {{position}}",
    notGoing: "لن تأتي",
    none: "لم تُجب",
    blocked: "لا يمكن الرد",
  },
} as const;
