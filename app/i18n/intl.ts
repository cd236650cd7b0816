// Intl for the app's languages, the same on the server and in every browser. Somali comes from
// the app's own CLDR tables (./somali-intl.ts), because browsers' ICU may lack it; every other
// language uses the runtime's Intl. Only where the app has no Somali pattern does Somali fall
// back to en-GB.
import { somaliConjunction, SOMALI_LANGUAGE_NAMES, somaliDateTimeFormat, type DateFormatter } from "./somali-intl";

const isSomali = (tag: string) => tag === "so" || tag.startsWith("so-");

export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): DateFormatter {
  if (isSomali(tag)) return somaliDateTimeFormat(options) ?? new Intl.DateTimeFormat("en-GB", options);
  return new Intl.DateTimeFormat(tag, options);
}

/** A language's name in the reader's language; the code itself when no name is known. */
export function languageName(code: string, tag: string): string {
  const somali = isSomali(tag) ? SOMALI_LANGUAGE_NAMES[code] : undefined;
  if (somali) return somali;
  try {
    return new Intl.DisplayNames([isSomali(tag) ? "en-GB" : tag], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "a, b and c" in the reader's language. */
export function conjunction(items: readonly string[], tag: string): string {
  if (isSomali(tag)) return somaliConjunction(items);
  return new Intl.ListFormat(tag, { type: "conjunction" }).format(items);
}
