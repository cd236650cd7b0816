// Languages and the i18next instances that translate with them. Shared by server and browser.
// The catalogs themselves are not imported here: the server reads them (./catalogs.server.ts)
// and sends the browser only the reader's language and the parts the page needs (decision 038),
// in the root loader's data. Both sides translate with an instance made from that same catalog,
// so they print the same text.
import i18next, { type i18n, type TFunction } from "i18next";

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

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function direction(locale: Locale): "ltr" | "rtl" {
  return RTL_LOCALES.has(locale) ? "rtl" : "ltr";
}

/** Which catalog parts a page needs: staff strings only under /staff. */
export type CatalogScope = "member" | "staff";

export function catalogScope(pathname: string): CatalogScope {
  return pathname === "/staff" || pathname.startsWith("/staff/") ? "staff" : "member";
}

/** A catalog as the browser receives it: one language's tree of strings, for one scope. */
export type CatalogTree = { [key: string]: string | CatalogTree };

const instances = new Map<string, i18n>();

/**
 * One initialised instance per language and catalog (`key` names the pair, e.g. "nb:member");
 * resources are given, so init is synchronous.
 */
export function i18nFromCatalog(locale: Locale, catalog: CatalogTree, key: string): i18n {
  let instance = instances.get(key);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources: { [locale]: { translation: catalog } },
      lng: locale,
      fallbackLng: false,
      initAsync: false,
      // React escapes output; double escaping would show &amp; to members.
      interpolation: { escapeValue: false },
      returnNull: false,
      // No advertisement in server logs or the browser console.
      showSupportNotice: false,
    });
    instances.set(key, instance);
  }
  return instance;
}

export function tFromCatalog(locale: Locale, catalog: CatalogTree, key: string): TFunction {
  return i18nFromCatalog(locale, catalog, key).t;
}
