// Languages and the i18next instances that translate with them. Shared by server and browser.
import i18next, { type i18n, type TFunction } from "i18next";
import en from "./locales/en";
import nb from "./locales/nb";

export const LOCALES = ["nb", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nb";

/** The BCP 47 tag used for Intl and <html lang>. */
export const LOCALE_TAGS: Record<Locale, string> = { nb: "nb-NO", en: "en-GB" };
export const LOCALE_NAMES: Record<Locale, string> = { nb: "Norsk", en: "English" };
export const RTL_LOCALES: ReadonlySet<string> = new Set(["ar", "ur"]);

export const resources = {
  nb: { translation: nb },
  en: { translation: en },
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
    });
    instances.set(locale, instance);
  }
  return instance;
}

export function tFor(locale: Locale): TFunction {
  return i18nFor(locale).t;
}
