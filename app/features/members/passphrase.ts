// Passphrase rules (NIST SP 800-63B): long is good, no composition rules, common ones refused.
import type { PassphraseError } from "~/platform/validation";

export const PASSPHRASE_MIN = 10;
/** Generous, but bounded so nobody can make the server hash a megabyte. */
export const PASSPHRASE_MAX = 1000;

export function checkPassphrase(
  passphrase: string,
  { isCommon, pseudonym }: { isCommon: (p: string) => boolean; pseudonym?: string },
): PassphraseError | undefined {
  if (passphrase.length === 0) return "passphrase.required";
  const length = Array.from(passphrase.normalize("NFC")).length;
  if (length < PASSPHRASE_MIN) return "passphrase.tooShort";
  if (length > PASSPHRASE_MAX) return "passphrase.tooLong";
  if (isCommon(passphrase)) return "passphrase.common";
  if (pseudonym && passphrase.normalize("NFC").trim().toLowerCase() === pseudonym.toLowerCase()) {
    return "passphrase.samePseudonym";
  }
  return undefined;
}
