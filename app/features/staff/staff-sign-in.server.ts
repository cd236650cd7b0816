// Signing staff in: a password, then a TOTP code (or a recovery code), and setting TOTP up at the
// first sign-in. The password step opens a half session ("staff-pending") that can do nothing but
// finish signing in; the second factor replaces it with a new, full session.
import { createHmac } from "node:crypto";
import { Secret } from "otpauth";
import type { AppDatabase } from "../../../db/connection";
import {
  acceptTotpStep,
  enableTotp,
  findStaffForSignIn,
  findStaffSecondFactor,
  normalizeEmail,
  updateStaffPasswordHash,
  useStaffRecoveryCode,
} from "./staff.server";
import { log } from "~/platform/logger.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "~/platform/password.server";
import { randomReadableCode } from "~/platform/secrets.server";
import {
  createSession,
  endSession,
  endSessionByToken,
  markSecondFactor,
  SESSION_POLICY,
} from "~/features/sessions/sessions.server";
import { hitRateLimit } from "~/platform/rate-limit.server";
import { verifyTotp } from "~/platform/totp.server";

export const STAFF_RECOVERY_CODE_COUNT = 8;

/**
 * One answer for an unknown e-mail, a deactivated account and a wrong password, after the same
 * scrypt work, so the answer says nothing about which addresses have accounts.
 */
export async function signInStaffWithPassword(
  db: AppDatabase,
  input: { email: string; password: string },
): Promise<{ ok: true; staffId: string; cookie: string; needsTotpSetup: boolean } | { ok: false }> {
  const staff = await findStaffForSignIn(db, input.email);
  const verdict = await verifyPassword(input.password, staff?.password_hash ?? (await dummyPasswordHash()));
  if (!staff || !verdict.ok) {
    log("staff_sign_in_failed", { step: "password" });
    return { ok: false };
  }
  if (verdict.needsRehash) await updateStaffPasswordHash(db, staff.id, await hashPassword(input.password));
  const session = await createSession(db, { staffId: staff.id }, SESSION_POLICY.staff);
  log("staff_password_accepted", { staff: staff.id });
  return { ok: true, staffId: staff.id, cookie: session.cookie, needsTotpSetup: staff.totp_secret === null };
}

/** A new full session in place of the half one: the id changes when the privilege does. */
async function upgradeSession(db: AppDatabase, staffId: string, pendingSessionId: string) {
  return db.transaction().execute(async (trx) => {
    const session = await createSession(trx, { staffId }, SESSION_POLICY.staff);
    await markSecondFactor(trx, session.sessionId);
    await endSession(trx, pendingSessionId);
    return session.cookie;
  });
}

/** A six-digit TOTP code, or else one of the recovery codes; each is accepted once. */
export async function completeStaffSecondFactor(
  db: AppDatabase,
  input: { staffId: string; pendingSessionId: string; code: string },
  now = new Date(),
): Promise<{ ok: true; cookie: string; usedRecoveryCode: boolean } | { ok: false }> {
  const staff = await findStaffSecondFactor(db, input.staffId);
  if (!staff?.totp_secret) return { ok: false };
  const code = input.code.trim();
  let usedRecoveryCode = false;
  if (/^\d[\d\s]*$/.test(code)) {
    const verdict = verifyTotp({ secret: staff.totp_secret, code, lastStep: staff.totp_last_step, now });
    // The conditional update decides between parallel requests with the same code.
    if (!verdict.ok || !(await acceptTotpStep(db, staff.id, verdict.step))) {
      log("staff_sign_in_failed", { step: "totp", staff: staff.id });
      return { ok: false };
    }
  } else {
    if (!(await useStaffRecoveryCode(db, staff.id, code, now))) {
      log("staff_sign_in_failed", { step: "recovery_code", staff: staff.id });
      return { ok: false };
    }
    usedRecoveryCode = true;
  }
  const cookie = await upgradeSession(db, staff.id, input.pendingSessionId);
  log("staff_signed_in", { staff: staff.id, recoveryCode: usedRecoveryCode });
  return { ok: true, cookie, usedRecoveryCode };
}

/**
 * The secret offered on the set-up page, derived from this browser's half session: the page shows
 * the same secret however often it is reloaded, nothing is stored before the code is confirmed,
 * and nobody without the session cookie can know it (the database holds only the cookie's hash).
 */
export function pendingTotpSecret(sessionToken: string): string {
  const bytes = createHmac("sha256", sessionToken).update("totp-setup").digest().subarray(0, 20);
  return new Secret({ buffer: Uint8Array.from(bytes).buffer }).base32;
}

export function newStaffRecoveryCodes(): string[] {
  return Array.from({ length: STAFF_RECOVERY_CODE_COUNT }, () => randomReadableCode(5));
}

export type TotpSetupResult =
  { ok: true; cookie: string; recoveryCodes: string[] } | { ok: false; error: "wrongCode" | "alreadySetUp" };

async function finishTotpSetup(
  db: AppDatabase,
  input: { staffId: string; pendingSessionId: string; sessionToken: string; code: string },
  now = new Date(),
): Promise<TotpSetupResult> {
  const staff = await findStaffSecondFactor(db, input.staffId);
  if (!staff) return { ok: false, error: "wrongCode" };
  if (staff.totp_secret !== null) return { ok: false, error: "alreadySetUp" };
  const secret = pendingTotpSecret(input.sessionToken);
  const verdict = verifyTotp({ secret, code: input.code, lastStep: null, now });
  if (!verdict.ok) {
    log("staff_totp_setup_failed", { staff: staff.id });
    return { ok: false, error: "wrongCode" };
  }
  const recoveryCodes = newStaffRecoveryCodes();
  if (!(await enableTotp(db, { staffId: staff.id, secret, step: verdict.step, recoveryCodes }, now))) {
    return { ok: false, error: "alreadySetUp" };
  }
  const cookie = await upgradeSession(db, staff.id, input.pendingSessionId);
  log("staff_totp_enabled", { staff: staff.id });
  return { ok: true, cookie, recoveryCodes };
}

/** Ends a staff session, also a half one between password and code. */
export async function signOutStaff(db: AppDatabase, viewer: { sessionId: string; staffId: string }) {
  await endSession(db, viewer.sessionId);
  log("staff_signed_out", { staff: viewer.staffId });
}

export type TooManyAttempts = { ok: false; error: "tooManyAttempts"; retryAfterSeconds: number };

const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/**
 * The staff sign-in form: counted against the address and the account before the password is
 * checked, for right and wrong alike. Whatever session this browser had before (a member's, an
 * old staff one) ends once the password is accepted.
 */
export async function signInStaffFromForm(
  db: AppDatabase,
  origin: { client: string; previousSessionToken?: string },
  input: { email: string; password: string },
): Promise<Awaited<ReturnType<typeof signInStaffWithPassword>> | TooManyAttempts> {
  for (const [bucket, subject, limit] of [
    ["staff-login-ip", origin.client, 50],
    ["staff-login-account", normalizeEmail(input.email), 10],
  ] as const) {
    const verdict = await hitRateLimit(db, { bucket, subject, limit, windowSeconds: SIGN_IN_WINDOW_SECONDS });
    if (!verdict.ok) return { ok: false, error: "tooManyAttempts", retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const result = await signInStaffWithPassword(db, input);
  if (result.ok && origin.previousSessionToken) await endSessionByToken(db, origin.previousSessionToken);
  return result;
}

/** Second-factor codes (TOTP, recovery, set-up) share one limit per account. */
function limitSecondFactor(db: AppDatabase, staffId: string) {
  return hitRateLimit(db, {
    bucket: "staff-login-account",
    subject: `second-factor:${staffId}`,
    limit: 10,
    windowSeconds: SIGN_IN_WINDOW_SECONDS,
  });
}

/** The TOTP step's form, after the rate limit. */
export async function completeStaffSecondFactorFromForm(
  db: AppDatabase,
  pending: { staffId: string; sessionId: string },
  { code }: { code: string },
): Promise<Awaited<ReturnType<typeof completeStaffSecondFactor>> | TooManyAttempts> {
  const limit = await limitSecondFactor(db, pending.staffId);
  if (!limit.ok) return { ok: false, error: "tooManyAttempts", retryAfterSeconds: limit.retryAfterSeconds };
  return completeStaffSecondFactor(db, { staffId: pending.staffId, pendingSessionId: pending.sessionId, code });
}

/** The TOTP set-up form, after the rate limit. */
export async function finishTotpSetupFromForm(
  db: AppDatabase,
  pending: { staffId: string; sessionId: string; sessionToken: string },
  { code }: { code: string },
): Promise<TotpSetupResult | TooManyAttempts> {
  const limit = await limitSecondFactor(db, pending.staffId);
  if (!limit.ok) return { ok: false, error: "tooManyAttempts", retryAfterSeconds: limit.retryAfterSeconds };
  return finishTotpSetup(db, {
    staffId: pending.staffId,
    pendingSessionId: pending.sessionId,
    sessionToken: pending.sessionToken,
    code,
  });
}
