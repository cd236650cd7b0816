// Calendar feeds in English. Plain language: short sentences, common words.
export default {
  calendar: {
    metaTitle: "Calendar",
    event: {
      neutralTitle: "Appointment",
      going: "You are going.",
      waitlisted: "You are on the waiting list.",
      offered: "A place is offered to you. Answer on the site.",
      notAnswered: "You have not answered yet.",
      cancelled: "Cancelled.",
    },
    section: {
      title: "Activities in your calendar",
      intro:
        "With a private link, the calendar on your phone can show your activities. The calendar fetches changes by itself.",
      secret: "Anyone with the link can see your activities. Do not share it with anyone.",
      noLink: "You do not have a calendar link yet.",
      hasLink: "You have a calendar link. It was made on {{date}}.",
      lostLink: "Lost the link? Make a new one. The old one stops working at once.",
      createLink: "Make a calendar link",
      replaceLink: "Make a new link",
      newLinkTitle: "Your new calendar link",
      copyNow: "Copy the link now. We show it only this one time.",
      linkLabel: "Link to the calendar",
      copy: "Copy the link",
      copied: "The link is copied.",
      copyFailed: "Could not copy. Select the text and copy it yourself.",
      openInApp: "Open in the calendar app",
      settingsTitle: "What the calendar shows",
      discreetLabel: "Hide activity names",
      discreetHint:
        "Every activity is called “Appointment”, with no description. The address is shown only for activities you are going to.",
      allLabel: "Show all coming activities I can join",
      allHint: "Otherwise the calendar shows only what you are going to or waiting for.",
      saveSettings: "Save choices",
      settingsSaved: "Your choices are saved. The calendar shows the change the next time it fetches.",
      howToTitle: "How to add the calendar",
      appleTitle: "iPhone and iPad",
      apple:
        "Tap “Open in the calendar app” right after making the link. Or: Settings › Calendar › Accounts › Add Account › Other › Add Subscribed Calendar, and paste the link.",
      googleTitle: "Google Calendar (Android)",
      google:
        "Open Google Calendar in a browser on a computer. Press + next to “Other calendars”, choose “From URL” and paste the link. The calendar then shows on your phone. Google may take up to a day to show changes.",
      outlookTitle: "Outlook",
      outlook: "Go to Calendar › Add calendar › Subscribe from web, and paste the link.",
      removeTitle: "How to remove the calendar",
      remove:
        "Delete the subscribed calendar in your calendar app. If you also want the link to stop working, make a new link here.",
      privacyTip:
        "Tip: Do others use your phone or see its screen? Turn off notifications for this calendar, and turn on “Hide activity names”.",
    },
    staff: {
      metaTitle: "Chapter calendars",
      title: "Chapter calendars",
      intro:
        "One private calendar link per chapter. The calendar shows every activity of the chapter, with the address. Do not share the link.",
      noChapters: "You do not work in any chapter yet.",
      hasLink: "Link made on {{date}}.",
      noLink: "No link yet.",
      newLinkFor: "New calendar link for {{chapter}}",
    },
    download: {
      link: "Add to my calendar (.ics)",
      fileName: "appointment",
    },
  },
};
