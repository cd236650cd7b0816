// English, member pages: being met at the door the first time, and staff's replies to a note.
export default {
  door: {
    askLabel: "I would like to be met the first time",
    askHint: "Someone from staff meets you outside, so you do not have to walk in alone.",
    placeLabel: "Where would you like to be met? (optional)",
    placeHint: "For example “by the bus stop”. Only you and staff see this.",
    atDoor: "the door",
    requested: "You asked to be met at {{place}}. Staff will tell you here once someone is assigned.",
    assigned: "Someone from staff will meet you at {{place}}.",
    threadTitle: "Your note and replies",
    you: "You wrote",
    staffReplied: "Staff replied {{when}}",
  },
} as const;
