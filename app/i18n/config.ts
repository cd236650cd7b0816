// Languages and the i18next instances that translate with them. Shared by server and browser.
import i18next, { type i18n, type TFunction } from "i18next";
import ar from "./locales/ar";
import en from "./locales/en";
import nb from "./locales/nb";
import so from "./locales/so";
import ur from "./locales/ur";

export const LOCALES = ["nb", "en", "ar", "ur", "so"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nb";

/** The BCP 47 tag of each language, for <html lang> (screen readers, fonts, hyphenation). */
export const LOCALE_TAGS: Record<Locale, string> = { nb: "nb-NO", en: "en-GB", ar: "ar", ur: "ur-PK", so: "so" };
/**
 * The tag dates, times and language names are formatted with (./intl.ts). Server (Node, full ICU)
 * and browser must print the same text, or hydration fails. Plain "ar" and "ur-PK" keep Western
 * digits, as on invite slips (ar-EG/ur-IN would not). Chromium ships no Somali data, so Somali
 * comes from the app's own CLDR tables (./somali-intl.ts) on both sides.
 */
export const FORMAT_TAGS: Record<Locale, string> = { ...LOCALE_TAGS };
/** Each language in its own name: a reader looks for the word they can read. */
export const LOCALE_NAMES: Record<Locale, string> = {
  nb: "Norsk",
  en: "English",
  ar: "العربية",
  ur: "اردو",
  so: "Soomaali",
};
export const RTL_LOCALES: ReadonlySet<string> = new Set(["ar", "ur"]);

export const resources = {
  nb: { translation: nb },
  en: { translation: en },
  ar: { translation: ar },
  ur: { translation: ur },
  so: { translation: so },
} as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function direction(locale: Locale): "ltr" | "rtl" {
  return RTL_LOCALES.has(locale) ? "rtl" : "ltr";
}

const instances = new Map<Locale, i18n>();

/** One initialised instance per language; resources are bundled, so init is synchronous. */
export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources,
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      initAsync: false,
      // React escapes output; double escaping would show &amp; to members.
      interpolation: { escapeValue: false },
      returnNull: false,
      // No advertisement in server logs or the browser console.
      showSupportNotice: false,
    });
    instances.set(locale, instance);
  }
  return instance;
}

export function tFor(locale: Locale): TFunction {
  return i18nFor(locale).t;
}
