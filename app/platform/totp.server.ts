// Second factor for staff: TOTP (RFC 6238) as every authenticator app speaks it —
// SHA1, 6 digits, 30-second steps.
import { HOTP, Secret, TOTP } from "otpauth";
import { safeEqual } from "./secrets.server";

const ALGORITHM = "SHA1";
const DIGITS = 6;
const PERIOD_SECONDS = 30;
// One step either side forgives a phone clock that is a little off, and a code typed just as it changed.
const WINDOW = 1;

/** The otpauth:// URI an authenticator app reads from a QR code. `issuer` is the neutral site name. */
export function totpUri({ secret, label, issuer }: { secret: string; label: string; issuer: string }): string {
  return new TOTP({
    secret: Secret.fromBase32(secret),
    label,
    issuer,
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

function stepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
}

function codeForStep(secret: string, step: number): string {
  return HOTP.generate({ secret: Secret.fromBase32(secret), algorithm: ALGORITHM, digits: DIGITS, counter: step });
}

export function currentTotpCode(secret: string, now: Date = new Date()): string {
  return codeForStep(secret, stepAt(now));
}

export type TotpResult = { ok: true; step: number } | { ok: false };

/**
 * Accepts a code from the current step or one either side, but never from a step at or before
 * `lastStep`: each code works once, so one seen over a shoulder or in a log cannot be replayed.
 * The caller stores the returned step in staff_users.totp_last_step.
 */
export function verifyTotp({
  secret,
  code,
  lastStep,
  now = new Date(),
}: {
  secret: string;
  code: string;
  lastStep: number | null;
  now?: Date;
}): TotpResult {
  const candidate = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(candidate)) return { ok: false };
  const current = stepAt(now);
  // Latest step first: if a code happens to match two steps, storing the later one blocks both.
  for (let step = current + WINDOW; step >= current - WINDOW; step--) {
    if (lastStep !== null && step <= lastStep) break;
    if (safeEqual(codeForStep(secret, step), candidate)) return { ok: true, step };
  }
  return { ok: false };
}
