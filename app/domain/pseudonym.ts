// Pseudonym rules. Shared by the server (authoritative) and the browser (early hints).
import unhomoglyph from "unhomoglyph";

export const PSEUDONYM_MIN = 2;
export const PSEUDONYM_MAX = 32;

// Letters (with their combining marks) and digits from any script, spaces, ".", "-", "_".
const ALLOWED = /^[\p{L}\p{M}\p{N} ._-]+$/u;
// Controls, zero-width and bidirectional-override characters (all in Cc/Cf), and other spaces.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u3164\uffa0]/u;

export type PseudonymError =
  | "pseudonym.required"
  | "pseudonym.tooShort"
  | "pseudonym.tooLong"
  | "pseudonym.invisible"
  | "pseudonym.characters";

/** NFC, outer spaces trimmed, inner runs of spaces made one. */
export function normalizePseudonym(input: string): string {
  return input.normalize("NFC").trim().replace(/ {2,}/g, " ");
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
  const length = visibleLength(pseudonym);
  if (length < PSEUDONYM_MIN) return { ok: false, error: "pseudonym.tooShort" };
  if (length > PSEUDONYM_MAX) return { ok: false, error: "pseudonym.tooLong" };
  return { ok: true, pseudonym };
}

/**
 * Case- and look-alike-insensitive key (Unicode TR39 confusables skeleton), stored unique:
 * "Sara" and "Ѕаrа" (Cyrillic) collide, so nobody can pose as someone else.
 */
export function pseudonymKey(pseudonym: string): string {
  const folded = normalizePseudonym(pseudonym).toLowerCase();
  return unhomoglyph(folded).normalize("NFC").toLowerCase();
}
