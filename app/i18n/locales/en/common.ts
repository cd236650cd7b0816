import type { Catalog } from "../nb";

export default {
  meta: {
    home: "Welcome",
    notFound: "Page not found",
    error: "Something went wrong",
  },
  layout: {
    skipToContent: "Skip to content",
    mainNav: "Main menu",
    home: "Home",
    language: "Language",
    changeLanguage: "Change language",
    activities: "Activities",
    myPage: "My page",
    staffHome: "Staff",
    signOut: "Sign out",
    footer: "A safe place to meet.",
  },
  home: {
    title: "Welcome",
    intro: "Here you find activities and people who understand you. You do not need to explain.",
    chaptersTitle: "Local chapters",
    chaptersIntro: "We have local chapters in several places in Norway:",
    noChapters: "No local chapters yet.",
    howToJoinTitle: "How to join",
    howToJoin:
      "You get a code from one of us who works here. We give you the code when we meet. With the code you can make a user. You choose a nickname yourself.",
    haveCode: "I have a code",
    signIn: "Sign in",
  },
  errors: {
    notFoundTitle: "We could not find the page",
    notFoundBody: "The page does not exist, or you do not have access to it.",
    notFoundHelp: "Check the address, or go to the front page.",
    errorTitle: "Something went wrong",
    errorBody: "It is not your fault. Please try again in a little while.",
    goHome: "Go to the front page",
    statusTitle: "Error {{status}}",
    adminOnlyTitle: "This page is for national admins",
    adminOnlyBody:
      "You are signed in as a coordinator. Only national admins can use it. Ask an admin if you need something from this page.",
    backToStaff: "Back to the staff pages",
    forbiddenTitle: "You do not have access to this page",
    forbiddenBody: "The account you are signed in with cannot open this page.",
    notSavedTitle: "We could not save this",
    notSavedBody: "Nothing was changed. We cannot save anything right now. Please try again in a little while.",
  },
  validation: {
    summaryTitle: "Something needs fixing",
    errorPrefix: "Error:",
    invalid: "Check this field.",
    required: "Fill in this field.",
    tooLong: "The text is too long.",
  },
} satisfies Pick<Catalog, "meta" | "layout" | "home" | "errors"> & { validation: Record<string, string> };
