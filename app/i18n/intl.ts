// Intl for the app's languages, the same on the server and in every browser. Somali comes from
// the app's own CLDR tables (./somali-intl.ts), because browsers' ICU may lack it; every other
// language uses the runtime's Intl. Only where the app has no Somali pattern does Somali fall
// back to en-GB.
//
// Making an Intl formatter costs far more than using one (it loads locale data): each is made once
// per language and options and kept, since both sets are small and fixed by the code.
import { somaliConjunction, SOMALI_LANGUAGE_NAMES, somaliDateTimeFormat, type DateFormatter } from "./somali-intl";

const isSomali = (tag: string) => tag === "so" || tag.startsWith("so-");

const dateTimeFormats = new Map<string, DateFormatter>();

export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): DateFormatter {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = isSomali(tag)
      ? (somaliDateTimeFormat(options) ?? new Intl.DateTimeFormat("en-GB", options))
      : new Intl.DateTimeFormat(tag, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

const languageNameCache = new Map<string, string>();

/** A language's name in the reader's language; the code itself when no name is known. */
export function languageName(code: string, tag: string): string {
  const key = `${tag}|${code}`;
  let name = languageNameCache.get(key);
  if (name === undefined) {
    name = (isSomali(tag) ? SOMALI_LANGUAGE_NAMES[code] : undefined) ?? displayName(code, tag);
    // Codes come from stored activities (a short fixed list in the form), so the cache stays small.
    if (languageNameCache.size < 10_000) languageNameCache.set(key, name);
  }
  return name;
}

const displayNames = new Map<string, Intl.DisplayNames>();

function displayName(code: string, tag: string): string {
  try {
    const lang = isSomali(tag) ? "en-GB" : tag;
    let names = displayNames.get(lang);
    if (!names) {
      names = new Intl.DisplayNames([lang], { type: "language" });
      displayNames.set(lang, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "a, b and c" in the reader's language. */
export function conjunction(items: readonly string[], tag: string): string {
  if (isSomali(tag)) return somaliConjunction(items);
  let format = listFormats.get(tag);
  if (!format) {
    format = new Intl.ListFormat(tag, { type: "conjunction" });
    listFormats.set(tag, format);
  }
  return format.format(items);
}
