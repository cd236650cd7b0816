// English, staff pages: series, holidays, copies and drafts (the weekly programme).
export default {
  staffSeries: {
    scopeLegend: "Which dates does the change apply to?",
    scopeThis: "Only this date ({{date}})",
    scopeFollowing: "This and the following dates",
    scopeAll: "Every date of the series that has not passed",
    scopeHint:
      "Answers stay. The times are Norwegian time on each date, also after the clocks change. If you lower the number of places, those going keep their place; new answers then go on the waitlist.",
    savedDates: "Saved. Dates changed: {{count}}.",
    seriesHeading: "The dates of the series",
    seriesIntro: "Tick the dates you want to skip.",
    occurrence: "{{going}} going, {{waitlist}} on the waitlist",
    thisPage: "this page",
    cancelledDate: "cancelled",
    draftDate: "draft",
    skip: "Skip the ticked dates",
    skipExplain:
      "A date nobody has answered is removed. A date with answers is cancelled instead, so those who answered are told.",
    skipReasonLabel: "Reason, if a ticked date has answers (members see it)",
    skipped: "Removed: {{removed}}. Cancelled because someone had answered: {{cancelled}}.",
    cancelThisOnly: "Cancel this date only",
    cancelRestHeading: "Cancel the rest of the series",
    cancelRestExplain:
      "Cancels this date and every later date of the series ({{count}} dates), with the reason above. Everyone who answered is told. You can undo them together for a day.",
    cancelRest: "Cancel this and the rest of the series ({{count}} dates)",
    cancelledRest: "Dates cancelled: {{count}}.",
    pastConfirm: "I am recording something that already happened",
    pastConfirmHint: "Tick only if the activity was before today, for example for the report.",
    holidaysHeading: "Some dates fall on holidays",
    holidaysExplain: "The ticked dates are skipped. Untick a date to keep it. Then press the button again.",
    holidayChristmas: "Christmas and New Year",
    holidayEaster: "Easter week",
    holidayPublic: "Public holiday",
    copyHeading: "Copy to another date",
    copyExplain:
      "Makes a new single activity with the same times, place and text on the new date. No answers are copied.",
    copyNextWeek: "Copy to next week ({{date}})",
    copyDate: "New date",
    copyToDate: "Copy to this date",
    copied: "This is a copy on the new date. Check it and change what is different.",
    saveDraft: "Save as draft",
    draftNotice: "Draft: members cannot see this yet.",
    draftSaved: "Saved as a draft. Only staff can see it.",
    draftLabel: "Draft",
    publishHeading: "Publish",
    publishExplain: "When you publish, the group's members see the activity and it reaches their calendars.",
    publishNow: "Publish now",
    publishSeries: "Publish every draft of the series",
    published: "Published.",
    preview: "Preview as a member",
    previewBanner: "Preview — not published. This is how a member of the group sees it.",
    previewBack: "Back to editing",
    metaPreview: "Preview",
  },
  validation: {
    staffSeries: {
      startInPast:
        "The start is in the past. Choose a later time, or tick “I am recording something that already happened”.",
      everyDateSkipped: "Every date is skipped. Keep at least one.",
      copySameDate: "Choose a date other than the activity's own.",
      chooseScope: "Choose which dates the change applies to.",
      skipReasonRequired:
        "Someone has answered a ticked date, so it is cancelled, not removed. Write why: they will see it.",
      changedMeanwhile:
        "Someone changed these dates after you opened the page, so nothing was done. The page now shows them as they are: check them and try again.",
    },
  },
} as const;
