// English, staff pages only: cancelling with care, undo, offers held.
export default {
  staffNotices: {
    cancelExplain:
      "Everyone going, offered a place or on the waitlist gets a notice with your reason. You can undo it for a day (and before the start).",
    reasonLabel: "Reason (members see it)",
    reasonHint: "In plain words, for example “Sorry, the leader is ill”. At most {{max}} characters.",
    confirmLabel: "Yes, cancel and tell everyone",
    reasonShown: "Reason:",
    undoHeading: "Undo the cancellation",
    undoExplain: "You can undo until {{until}}. The activity and every answer will be as before, and everyone is told.",
    undo: "Undo the cancellation",
    restored: "The activity is on again. Every answer is as it was.",
    undoThisOnly: "Undo for this date only",
    undoTogether: "Undo all {{count}} dates cancelled at the same time",
    restoredTogether: "The dates are on again ({{count}}). Every answer is as it was.",
    offersHeld: "Places offered",
    offersCount: "{{n}} held now",
    offeredUntil: "offered until {{until}}",
    messageHeading: "Send a message to those coming",
    messageExplain:
      "Everyone who said yes gets it as a notice in the app. Members cannot reply to it, and do not see who else got it.",
    messageLabel: "Message (members see it)",
    messageHint: "For example “We meet at the entrance facing the park”. At most {{max}} characters.",
    messageIncludeWaitlist: "Also send it to those on the waitlist or offered a place",
    messageSend: "Send the message",
    messageSent: "The message was sent to {{n}}.",
  },
  validation: {
    staffNotices: {
      reasonRequired: "Write why the activity is cancelled. Members will see it.",
      reasonTooLong: "Write less: at most 300 characters.",
      confirmRequired: "Tick the box to confirm that you want to cancel.",
      tooLateToUndo: "It is too late to undo: a day has passed, or the activity has started.",
    },
  },
} as const;
