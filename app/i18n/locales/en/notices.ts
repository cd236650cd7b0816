// English: a member's notices (what she is told inside the app), offers, reminders.
import type { Catalog } from "../nb";

export default {
  notices: {
    meta: { title: "Notices" },
    title: "Notices",
    intro: "Messages from us about your activities. Only you see them, when you are signed in.",
    empty: "No notices now. When you get a place, something changes or it is time for a reminder, it shows here.",
    headerLink: "Notices",
    headerUnread: "{{n}} unread",
    unread: "New",
    open: "See the activity",
    markRead: "Mark as read",
    markAllRead: "Mark all as read",
    delete: "Delete",
    deleted: "The notice is deleted.",
    allRead: "All notices are marked as read.",
    /** on My page, where push settings used to be */
    meLink: "Turn notifications on this device on or off on the Notices page.",
    kind: {
      promoted: "You got a place: {{title}}, {{when}}.",
      offered: "A place is offered to you: {{title}}, {{when}}. Answer by {{until}}.",
      offer_expired: "The offer of a place ran out: {{title}}. You can join the waitlist again.",
      changed_time: "The time changed: {{title}}. Now {{when}}.",
      changed_place: "The place changed: {{title}}, {{when}}.",
      changed_both: "The time and place changed: {{title}}. Now {{when}}.",
      cancelled: "Cancelled: {{title}}, {{when}}.",
      cancelledReason: "Reason: {{reason}}",
      restored: "On again: {{title}}, {{when}}. Your answer is as it was.",
      reminder: "Reminder: {{title}}, {{when}}.",
      hidden: "Something changed in an activity you no longer see.",
    },
    /** a push on a device that chose details: title and what happened, never a time or place */
    pushDetail: {
      promoted: "{{title}}: you got a place",
      offered: "{{title}}: a place is offered to you",
      offer_expired: "{{title}}: the offer of a place ran out",
      changed_time: "{{title}}: the time changed",
      changed_place: "{{title}}: the place changed",
      changed_both: "{{title}}: the time and place changed",
      cancelled: "{{title}}: cancelled",
      restored: "{{title}}: on again",
      reminder: "{{title}}: reminder",
    },
    offer: {
      title: "A place is offered to you",
      text: "The place is held for you until {{until}}. Will you come?",
      accept: "Yes, I'm coming",
      decline: "No, pass it on",
    },
    coming: "You're coming. The address is below.",
    cancelReasonLabel: "Reason:",
    reminders: {
      legend: "Reminders",
      hint: "A notice here in the app before activities you are going to.",
      none: "No reminders",
      day_before: "The day before (a day before the start)",
      two_hours: "Two hours before",
      save: "Save reminders",
      saved: "Your reminders are saved.",
    },
  },
} satisfies Pick<Catalog, "notices">;
