// English, staff pages only: invite slips in batches and a member's page with her attendance.
export default {
  staffSlips: {
    label: "Label for this batch (staff only)",
    labelHint:
      "For example “Bergen, men's group, handed out at the café”. Not printed on the slips. At most {{max}} characters.",
    languages: "Languages on the slips",
    languagesHint: "One or two languages. The code and the QR code stay the same.",
    cutHint: "Cut along the dashed lines.",
    noLabel: "No label",
    groups: "Groups:",
    noGroups: "no groups",
    slipLanguages: "Languages:",
  },
  staffMember: {
    back: "Back to the members",
    status: "Status",
    active: "Active",
    deactivated: "Deactivated",
    groups: "Groups",
    noGroups: "No groups",
    history: "Attendance",
    historyIntro: "The last {{max}} activities the member said yes to or came to. Only the chapter's staff see this.",
    historyNone: "No activities yet.",
    activity: "Activity",
    date: "Date",
    outcome: "Attendance",
    came: "Came",
    didNotCome: "Did not come",
    walkIn: "Walk-in",
    open: "See {{pseudonym}}",
    meta: "Member",
  },
  validation: {
    staffSlips: {
      chooseLanguages: "Choose one or two of the languages.",
      labelTooLong: "The label can have at most 80 characters.",
    },
  },
};
