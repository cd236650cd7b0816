// Pseudonym rules. Shared by the server (authoritative) and the browser (early hints).
import unhomoglyph from "unhomoglyph";
import type { PseudonymError } from "~/platform/validation";

export const PSEUDONYM_MIN = 2;
export const PSEUDONYM_MAX = 32;
/** Combining marks one letter may carry: enough for Vietnamese, pointed Hebrew or vowelled Arabic. */
export const PSEUDONYM_MAX_MARKS = 3;

// Letters (with their combining marks) and digits from any script, spaces, ".", "-", "_".
const ALLOWED = /^[\p{L}\p{M}\p{N} ._-]+$/u;
// Controls, zero-width and bidirectional-override characters (all in Cc/Cf), and other spaces.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u3164\uffa0]/u;

/** NFC, outer spaces trimmed, inner runs of spaces made one. */
export function normalizePseudonym(input: string): string {
  return input.normalize("NFC").trim().replace(/ {2,}/g, " ");
}

/** The most combining marks on one letter, counted after canonical decomposition (NFD). */
function longestMarkRun(text: string): number {
  let longest = 0;
  for (const run of text.normalize("NFD").match(/\p{M}+/gu) ?? []) longest = Math.max(longest, Array.from(run).length);
  return longest;
}

function visibleLength(text: string): number {
  // Count what a reader sees as one character (a grapheme), not UTF-16 units.
  return Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)).length;
}

export function checkPseudonym(raw: string): { ok: true; pseudonym: string } | { ok: false; error: PseudonymError } {
  const pseudonym = normalizePseudonym(raw);
  if (pseudonym.length === 0) return { ok: false, error: "pseudonym.required" };
  if (INVISIBLE.test(pseudonym)) return { ok: false, error: "pseudonym.invisible" };
  if (!ALLOWED.test(pseudonym)) return { ok: false, error: "pseudonym.characters" };
  if (longestMarkRun(pseudonym) > PSEUDONYM_MAX_MARKS) return { ok: false, error: "pseudonym.tooManyMarks" };
  const length = visibleLength(pseudonym);
  if (length < PSEUDONYM_MIN) return { ok: false, error: "pseudonym.tooShort" };
  if (length > PSEUDONYM_MAX) return { ok: false, error: "pseudonym.tooLong" };
  return { ok: true, pseudonym };
}

/**
 * Unicode TR39 skeleton: NFD, every character replaced by its confusables prototype, NFD.
 * (`unhomoglyph` does the middle step only: it maps each character and normalises nothing.)
 */
export function skeleton(text: string): string {
  return unhomoglyph(text.normalize("NFD")).normalize("NFD");
}

/**
 * Case- and look-alike-insensitive key, stored unique (README "Pseudonyms are unique by their
 * confusables skeleton"). The skeleton is taken first of the name as typed, so a Greek capital
 * Eta meets H and a Cyrillic small a meets a; upper-casing and a second skeleton then make Latin
 * case irrelevant ("Ingrid" and "ingrid", whose capital I looks like l); lower-casing and a third
 * skeleton give one form to store. Lower-casing first would turn "Ηiba" into "ηiba", which looks
 * like "n̩iba", and let it pass beside "Hiba".
 */
export function pseudonymKey(pseudonym: string): string {
  const typed = skeleton(normalizePseudonym(pseudonym));
  return skeleton(skeleton(typed.toUpperCase()).toLowerCase());
}

/**
 * Case only (no look-alikes), also stored unique: a capital and a small letter that look like
 * different Latin letters (Cyrillic Т and т) still make the same name, and sign-in finds it.
 */
export function pseudonymCaseKey(pseudonym: string): string {
  return normalizePseudonym(pseudonym).toUpperCase().toLowerCase().normalize("NFD");
}
