// Choosing the language for a request: ?lang=, then the language cookie, then Accept-Language.
import { readCookie } from "./cookies.server";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "~/i18n/config";

export const LANGUAGE_COOKIE = "lang";

/** Parses Accept-Language (RFC 9110 §12.5.4) into tags ordered by weight. */
export function parseAcceptLanguage(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((l) => l.tag && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((l) => l.tag);
}

/** Norwegian in any form (no, nn, nb) reads Bokmål; otherwise the first language we have. */
export function matchLocale(tags: string[]): Locale | undefined {
  for (const tag of tags) {
    const base = tag.split("-")[0] ?? "";
    if (base === "no" || base === "nn") return "nb";
    if (isLocale(base)) return base;
  }
  return undefined;
}

export function localeFromRequest(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const fromCookie = readCookie(request.headers.get("Cookie"), LANGUAGE_COOKIE);
  if (isLocale(fromCookie)) return fromCookie;
  return matchLocale(parseAcceptLanguage(request.headers.get("Accept-Language"))) ?? DEFAULT_LOCALE;
}

/**
 * The language from ?lang= when the cookie does not say it yet: the root loader then remembers
 * it, so a link like /?lang=ar keeps the page in Arabic after the next click too.
 */
export function languageToRemember(request: Request): Locale | undefined {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (!isLocale(fromQuery)) return undefined;
  return readCookie(request.headers.get("Cookie"), LANGUAGE_COOKIE) === fromQuery ? undefined : fromQuery;
}

export { LOCALES };

/** Remembers the chosen language for a year. Not a secret, but kept from scripts anyway. */
export function languageCookie(locale: Locale, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure ? "; Secure" : ""}`;
}
