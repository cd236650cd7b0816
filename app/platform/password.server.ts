// Passwords (staff) and passphrases (members): scrypt with its parameters stored in the hash,
// so they can be raised later and old hashes re-hashed at the next sign-in.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

// README "Decisions" (passphrases with scrypt): N=2^17, r=8, p=1, 128 MiB per hash. Tests lower it
// through setHashParamsForTests.
let currentParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

export function setHashParamsForTests(params: ScryptParams) {
  currentParams = params;
}

// Each scrypt at N=2^17 holds 128 MiB while it runs; without a bound, parallel sign-ins and joins
// take as much memory as there are requests (five joins at once took 676 MiB). At most
// SCRYPT_CONCURRENCY run at a time (libuv runs four threads anyway); the rest wait in order.
export const SCRYPT_CONCURRENCY = 2;
let running = 0;
const waiting: Array<() => void> = [];
let observer: ((running: number) => void) | undefined;

/** Tests watch how many hashes run at once. */
export function observeScryptForTests(watch: ((running: number) => void) | undefined) {
  observer = watch;
}

async function limited<T>(work: () => Promise<T>): Promise<T> {
  // A finished hash hands its place straight to the next in line, so none can slip in between.
  if (running >= SCRYPT_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  observer?.(running);
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function scrypt(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return limited(() => scryptNow(secret, salt, params));
}

function scryptNow(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(secret.normalize("NFC"), salt, KEY_LENGTH, { ...params, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Format: scrypt$N$r$p$salt$hash (base64url). */
export async function hashPassword(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, currentParams);
  const { N, r, p } = currentParams;
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export interface VerifyResult {
  ok: boolean;
  /** true when the hash was made with other parameters than today's */
  needsRehash: boolean;
}

export async function verifyPassword(secret: string, stored: string): Promise<VerifyResult> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return { ok: false, needsRehash: false };
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hash, "base64url");
  const actual = await scrypt(secret, Buffer.from(salt, "base64url"), params);
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
  const needsRehash = params.N !== currentParams.N || params.r !== currentParams.r || params.p !== currentParams.p;
  return { ok, needsRehash };
}

/** A hash to verify against when the account does not exist, so both answers take as long. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not a real password, only here to spend the same time");
  return dummyHash;
}
