// Joining, signing in and recovering a member account: the rules between the forms and the models.
import type { AppDatabase } from "../../../db/connection";
import {
  consumeResetOrRecoveryCode,
  createMemberFromInvite,
  findJoinReceipt,
  findMemberPassphraseHash,
  findMemberForSignIn,
  replaceRecoveryCodes,
  setMemberLocale,
  updatePassphraseHash,
} from "./members.server";
import { pseudonymKey } from "./pseudonym";
import { log } from "~/platform/logger.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "~/platform/password.server";
import { hitRateLimits } from "~/platform/rate-limit.server";
import { randomReadableCode } from "~/platform/secrets.server";
import {
  createSession,
  endAllSessionsOf,
  endSessionByToken,
  SESSION_POLICY,
} from "~/features/sessions/sessions.server";
import type { MemberViewer } from "~/features/sessions/viewer.server";
import { writeTransaction } from "../../../db/transaction";

export const RECOVERY_CODE_COUNT = 8;

/** 5 groups of 4 Crockford characters = 100 bits each. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => randomReadableCode(5));
}

export function memberSessionPolicy(ownDevice: boolean) {
  return ownDevice ? SESSION_POLICY.memberOwnDevice : SESSION_POLICY.memberSharedDevice;
}

export type JoinOutcome =
  | { ok: true; memberId: string; recoveryCodes: string[]; cookie: string; repeated: boolean }
  | { ok: false; error: "inviteUnusable" | "pseudonymTaken" };

/**
 * Joins with an invite; or, when the code was used by a join in the last day, repeats that join
 * for the same person (same pseudonym and passphrase): she is signed in to the account the code
 * made and gets new recovery codes in place of ones she may never have seen. Every other unusable
 * code gets one answer after the same work (a hash and a verify), whatever the pseudonym.
 * The language she joined in (`locale`) becomes her profile's language.
 */
export async function joinWithInvite(
  db: AppDatabase,
  input: { code: string; pseudonym: string; passphrase: string; ownDevice: boolean; locale?: string },
): Promise<JoinOutcome> {
  const recoveryCodes = newRecoveryCodes();
  // Hash before the write transaction: scrypt takes a good part of a second and must not hold the write lock.
  const passphraseHash = await hashPassword(input.passphrase);
  const result = await createMemberFromInvite(db, {
    code: input.code,
    pseudonym: input.pseudonym,
    passphraseHash,
    recoveryCodes,
  });
  if (result.ok) {
    if (input.locale) await setMemberLocale(db, result.memberId, input.locale);
    const session = await createSession(db, { memberId: result.memberId }, memberSessionPolicy(input.ownDevice));
    log("member_joined", { member: result.memberId });
    return { ok: true, memberId: result.memberId, recoveryCodes, cookie: session.cookie, repeated: false };
  }
  if (result.error === "pseudonymTaken") {
    log("member_join_refused", { reason: result.error });
    return result;
  }
  return repeatJoin(db, input);
}

async function repeatJoin(
  db: AppDatabase,
  input: { code: string; pseudonym: string; passphrase: string; ownDevice: boolean; locale?: string },
): Promise<JoinOutcome> {
  const receipt = await findJoinReceipt(db, input.code);
  // Verified whatever the pseudonym, so a used slip's holder cannot time which pseudonym it made.
  const verdict = await verifyPassword(input.passphrase, receipt?.passphrase_hash ?? (await dummyPasswordHash()));
  if (
    !receipt ||
    !verdict.ok ||
    receipt.deactivated_at !== null ||
    receipt.pseudonym_key !== pseudonymKey(input.pseudonym)
  ) {
    log("member_join_refused", { reason: "inviteUnusable" });
    return { ok: false, error: "inviteUnusable" };
  }
  const recoveryCodes = await regenerateRecoveryCodes(db, receipt.id);
  if (input.locale) await setMemberLocale(db, receipt.id, input.locale);
  const session = await createSession(db, { memberId: receipt.id }, memberSessionPolicy(input.ownDevice));
  log("member_join_repeated", { member: receipt.id });
  return { ok: true, memberId: receipt.id, recoveryCodes, cookie: session.cookie, repeated: true };
}

/**
 * One answer for an unknown pseudonym, a wrong passphrase and a deactivated account, after
 * the same amount of work, so the answer tells nobody whether a pseudonym exists.
 */
export async function signInMember(
  db: AppDatabase,
  input: { pseudonym: string; passphrase: string; ownDevice: boolean },
): Promise<{ ok: true; memberId: string; cookie: string; locale: string | null } | { ok: false }> {
  const member = await findMemberForSignIn(db, input.pseudonym);
  const verdict = await verifyPassword(input.passphrase, member?.passphrase_hash ?? (await dummyPasswordHash()));
  if (!member || !verdict.ok || member.deactivated_at !== null) {
    log("member_sign_in_failed", {});
    return { ok: false };
  }
  if (verdict.needsRehash) await updatePassphraseHash(db, member.id, await hashPassword(input.passphrase));
  const session = await createSession(db, { memberId: member.id }, memberSessionPolicy(input.ownDevice));
  log("member_signed_in", { member: member.id });
  return { ok: true, memberId: member.id, cookie: session.cookie, locale: member.locale };
}

/** A forgotten passphrase: a recovery code (from joining) or a reset code (from staff). */
export async function resetPassphraseWithCode(
  db: AppDatabase,
  input: { pseudonym: string; code: string; passphrase: string },
): Promise<{ ok: true; memberId: string } | { ok: false }> {
  const member = await findMemberForSignIn(db, input.pseudonym);
  if (!member || member.deactivated_at !== null) {
    log("member_reset_failed", {});
    return { ok: false };
  }
  if (!(await consumeResetOrRecoveryCode(db, member.id, input.code))) {
    log("member_reset_failed", {});
    return { ok: false };
  }
  await updatePassphraseHash(db, member.id, await hashPassword(input.passphrase));
  // Whoever knew the old passphrase is signed out everywhere.
  await endAllSessionsOf(db, { memberId: member.id });
  log("member_passphrase_reset", { member: member.id });
  return { ok: true, memberId: member.id };
}

/**
 * A signed-in member changes her passphrase, proving the current one. Anyone who knew the old
 * passphrase is signed out; the browser she changed it in stays signed in.
 */
export async function changeMemberPassphrase(
  db: AppDatabase,
  viewer: Pick<MemberViewer, "member" | "sessionId">,
  input: { currentPassphrase: string; newPassphrase: string },
): Promise<{ ok: true } | { ok: false; error: "currentPassphraseWrong" }> {
  const memberId = viewer.member.id;
  const stored = await findMemberPassphraseHash(db, memberId);
  const verdict = stored ? await verifyPassword(input.currentPassphrase, stored) : { ok: false };
  if (!verdict.ok) return { ok: false, error: "currentPassphraseWrong" };
  // Hashed before the write transaction: scrypt must not hold the write lock.
  const passphraseHash = await hashPassword(input.newPassphrase);
  await writeTransaction(db, async (trx) => {
    await updatePassphraseHash(trx, memberId, passphraseHash);
    await endAllSessionsOf(trx, { memberId }, viewer.sessionId);
  });
  log("member_passphrase_changed", { member: memberId });
  return { ok: true };
}

export async function regenerateRecoveryCodes(db: AppDatabase, memberId: string) {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(db, memberId, codes);
  log("member_recovery_codes_regenerated", { member: memberId });
  return codes;
}

/** Where a sign-in form was posted from: the client's address, and the session this browser had. */
export interface FormOrigin {
  client: string;
  previousSessionToken?: string;
}

export type TooManyAttempts = { ok: false; error: "tooManyAttempts"; retryAfterSeconds: number };

/**
 * The sign-in form: counted against the address and the pseudonym before the passphrase is
 * checked, right or wrong, so the limit tells nothing. A new session id at every sign-in;
 * whatever session this browser had before is ended.
 */
export async function signInMemberFromForm(
  db: AppDatabase,
  origin: FormOrigin,
  input: { pseudonym: string; passphrase: string; ownDevice: boolean },
): Promise<Awaited<ReturnType<typeof signInMember>> | TooManyAttempts> {
  const limit = await hitRateLimits(
    db,
    [
      { bucket: "login-ip", subject: origin.client, limit: 50 },
      { bucket: "login-account", subject: pseudonymKey(input.pseudonym), limit: 10 },
    ],
    15 * 60,
  );
  if (!limit.ok) return { ok: false, error: "tooManyAttempts", retryAfterSeconds: limit.retryAfterSeconds };
  const result = await signInMember(db, input);
  if (result.ok && origin.previousSessionToken) await endSessionByToken(db, origin.previousSessionToken);
  return result;
}

/** The join form: guessing invite codes is hopeless (140 bits), but trying them costs a hash each time. */
export async function joinFromForm(
  db: AppDatabase,
  origin: FormOrigin,
  input: Parameters<typeof joinWithInvite>[1],
): Promise<JoinOutcome | TooManyAttempts> {
  const limit = await hitRateLimits(db, [{ bucket: "join-ip", subject: origin.client, limit: 20 }], 60 * 60);
  if (!limit.ok) return { ok: false, error: "tooManyAttempts", retryAfterSeconds: limit.retryAfterSeconds };
  return joinWithInvite(db, input);
}

/** The reset form: counted against the address and the pseudonym before the code is checked. */
export async function resetPassphraseFromForm(
  db: AppDatabase,
  origin: FormOrigin,
  input: { pseudonym: string; code: string; passphrase: string },
): Promise<Awaited<ReturnType<typeof resetPassphraseWithCode>> | TooManyAttempts> {
  const limit = await hitRateLimits(
    db,
    [
      { bucket: "reset", subject: `ip:${origin.client}`, limit: 20 },
      { bucket: "reset", subject: `account:${pseudonymKey(input.pseudonym)}`, limit: 5 },
    ],
    60 * 60,
  );
  if (!limit.ok) return { ok: false, error: "tooManyAttempts", retryAfterSeconds: limit.retryAfterSeconds };
  return resetPassphraseWithCode(db, input);
}
