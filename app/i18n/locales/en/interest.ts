// English: "Would you like a network where you live?" (/interest), and the links to it.
import type { Catalog } from "../nb";

export default {
  interest: {
    meta: { page: "Where you live" },
    title: "Would you like a network where you live?",
    intro:
      "We want to start networks in more places in Norway. Tell us where you live, so we can see where one is needed. We do not ask for your name or contact details, and we cannot answer you.",
    countyLabel: "County",
    countyChoose: "Choose a county",
    countyHint: "Choose the county first. Then you can choose a municipality in that county.",
    municipalityLabel: "Municipality (optional)",
    municipalityHint: "The municipality must be in the county you chose.",
    municipalityNone: "No particular municipality",
    audienceLabel: "Who should the network be for?",
    audience_women: "Women",
    audience_men: "Men",
    audience_everyone: "Everyone",
    languageLabel: "Language (optional)",
    languageHint: "A language you would like to use in the network.",
    languageNone: "No particular language",
    submit: "Send",
    submitting: "Sending …",
    whatWeKeepTitle: "What we store",
    whatWeKeep:
      "Only a number: how many people this month would like a network in the county (and municipality), for whom and in which language. We do not store names, contact details, IP addresses or times of day.",
    memberNote: "You are signed in, but your answer is not linked to your account. It is counted like everyone else's.",
    thanksTitle: "Thank you!",
    thanksStored: "We added one to the count for this:",
    thanksCounty: "County",
    thanksMunicipality: "Municipality",
    thanksAudience: "For",
    thanksLanguage: "Language",
    thanksMonth: "Month",
    thanksNone: "Not chosen",
    thanksNothingElse:
      "That is all. We did not store who you are, where you are now or when you answered (only the month).",
    thanksMember: "The answer is not linked to your account.",
    again: "Send another answer",
    home: "To the front page",
    landingTitle: "No network where you live?",
    landingText: "Tell us where you live, without your name. Then we can see where a new network is needed.",
    landingLink: "Would you like a network where you live?",
    meTitle: "Have you moved?",
    meText:
      "Have you moved, or would you like a group where you live? Tell us. The answer is counted without being linked to your account.",
    meLink: "Tell us where you live",
  },
  validation: {
    interest: {
      chooseCounty: "Choose a county.",
      municipalityNotInCounty:
        "This municipality is not in the county you chose. Choose a municipality in that county, or none.",
      chooseAudience: "Choose who the network should be for.",
      chooseLanguage: "Choose a language from the list, or no particular language.",
      tooManyAttempts: "Many answers have been sent from here today. Please try again tomorrow.",
    },
  },
} satisfies Pick<Catalog, "interest"> & { validation: Pick<Catalog["validation"], "interest"> };
