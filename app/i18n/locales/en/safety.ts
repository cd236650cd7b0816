// English: quick exit, the safety page, sessions, your data.
import type { Catalog } from "../nb";

export default {
  safety: {
    meta: {
      page: "Tips",
      sessions: "Signed in",
      deleteAccount: "Delete account",
    },
    quickExit: {
      button: "Leave quickly",
      hint: "Or press the Shift key three times.",
    },
    footer: {
      safetyLink: "Using this site safely",
    },
    page: {
      title: "Using this site safely",
      intro: "What you can do so that others do not see that you use this site.",
      dangerTitle: "Are you in danger now?",
      danger: "Call the police on 112.",
      quickExitTitle: "The “Leave quickly” button",
      quickExit1:
        "The button is at the top of every page. It takes you at once to an ordinary website, and it signs you out.",
      quickExit2: "You can also press the Shift key three times in a row.",
      limitsTitle: "What the button does not do",
      limits1: "Your browser still remembers that you were here. The pages can be in its history.",
      limits2: "If someone presses “back”, they can come to this site. But you are signed out.",
      limits3:
        "The button does not delete what is saved on your phone: screenshots, downloaded files and your calendar.",
      historyTitle: "Delete the history",
      history1: "Delete only the pages from here, not the whole history. A completely empty history can look odd.",
      historyAndroid: "Chrome on Android: tap ⋮ and choose “History”. Tap × next to the pages from here.",
      historyIphone:
        "Safari on iPhone: tap the book icon, then the clock. Swipe left on the pages from here and tap “Delete”.",
      historyComputer: "On a computer: press Ctrl + H (Mac: Cmd + Y). Find the pages from here and delete them.",
      privateTitle: "Use a private window",
      private1: "A private window forgets the pages when you close it. Chrome calls it “incognito”.",
      private2:
        "Chrome: tap ⋮ and choose “New incognito tab”. Safari on iPhone: tap the tabs button and choose “Private”.",
      private3: "Close the private window when you are done.",
      sharedTitle: "Shared or borrowed phone",
      shared1:
        "When you sign in, do not tick “my own phone”. Then you are signed out when you close the browser, or after 30 minutes.",
      shared2: "Do not let the browser save your password.",
      shared3: "Sign out when you are done. On “My page” you can see where you are signed in, and sign out elsewhere.",
      calendarTitle: "The calendar on your phone",
      calendar1:
        "If you added the calendar from here to your phone, others can see the events there. Choose neutral titles on “My page”.",
      calendar2: "You can make a new calendar link on “My page”. Then the old one stops working.",
      calendarGoogle:
        "Google Calendar: open calendar.google.com on a computer. Point at the calendar under “Other calendars” and click ×.",
      calendarApple:
        "iPhone: go to Settings → Calendar → Accounts → Subscribed Calendars. Choose the calendar and tap “Delete Account”.",
      calendarOutlook: "Outlook: right-click the calendar under “Other calendars” and choose “Remove”.",
      notificationsTitle: "Notifications",
      notifications1: "This site sends no notifications, text messages or e-mails.",
      notifications2:
        "The calendar on your phone can show reminders on the lock screen. Turn off its notifications, or use neutral titles.",
      filesTitle: "Files and home screen",
      files1: "If you download your data, the file goes to “Downloads”. Delete it when you are done.",
      files2: "If you add this site to your home screen, it is called “{{siteName}}”.",
    },
    sessions: {
      title: "Where you are signed in",
      intro: "You are signed in here now. If you do not recognise one, sign it out.",
      signedIn: "Signed in",
      lastSeen: "Last used",
      thisDevice: "This device",
      ownDevice: "Own device (30 days)",
      sharedDevice: "Shared device",
      end: "Sign out",
      endOthers: "Sign out everywhere else",
      ended: "That session has ended.",
      endedOthers: "You are signed out everywhere else.",
      onlyThis: "You are only signed in here.",
    },
    deleteAccount: {
      title: "Delete your account",
      intro: "Everything about you is deleted at once. You cannot undo it.",
      whatGoes:
        "This is deleted: your nickname, your groups, your answers and notes, your sign-ins and calendar links.",
      whatStays:
        "We still count that someone came to activities that are over, but with no nickname or anything that points to you.",
      download: "Want to keep something? Download your data first.",
      downloadLink: "Download my data",
      confirmLabel: "Yes, delete my account now",
      submit: "Delete account",
      cancel: "No, back to My page",
      deletedTitle: "Your account is deleted",
      deletedBody: "Everything about you is deleted, and you are signed out.",
      goHome: "Go to the front page",
    },
  },
  validation: {
    safety: {
      confirmDelete: "Tick the box to confirm that you want to delete your account.",
    },
  },
} satisfies Pick<Catalog, "safety"> & { validation: Pick<Catalog["validation"], "safety"> };
