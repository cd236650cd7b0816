// The languages an activity can be held in. No zod here: the member's list imports this in the browser.
/** Languages staff can tick, by code, each named in itself so every reader finds their own. */
export const SPOKEN_LANGUAGES = {
  nb: "Norsk",
  en: "English",
  ar: "العربية",
  so: "Soomaali",
  ti: "ትግርኛ",
  ur: "اردو",
  fa: "فارسی",
  ps: "پښتو",
  ku: "Kurdî",
  tr: "Türkçe",
  pl: "Polski",
  uk: "Українська",
} as const;
export type SpokenLanguage = keyof typeof SPOKEN_LANGUAGES;
export const SPOKEN_LANGUAGE_CODES = Object.keys(SPOKEN_LANGUAGES) as SpokenLanguage[];
