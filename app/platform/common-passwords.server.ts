// The ~49,000 most common passwords (zxcvbn-ts' list, drawn from real breaches).
import { dictionary } from "@zxcvbn-ts/language-common";

let common: Set<string> | undefined;

export function isCommonPassword(candidate: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  const folded = candidate.normalize("NFC").trim().toLowerCase();
  // "password123!" is as guessable as "password": also try without trailing digits and symbols.
  return common.has(folded) || common.has(folded.replace(/[\d\W_]+$/u, ""));
}
