// Passwords (staff) and passphrases (members): Argon2id (decisions 003, 006) with its parameters stored in
// the hash (PHC string), so they can be raised later and old hashes re-hashed at the next sign-in.
// Hashes from before Argon2 (scrypt$N$r$p$salt$hash) are still verified, and always re-hashed.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { hash as argon2Hash, parseOptions, verify as argon2Verify, type Algorithm } from "@node-rs/argon2";

export interface HashParams {
  /** KiB of memory per hash */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

// OWASP's first Argon2id choice: 19 MiB, two passes, one lane. Tests lower it through
// setHashParamsForTests.
export const PRODUCTION_HASH_PARAMS: HashParams = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };
let currentParams: HashParams = PRODUCTION_HASH_PARAMS;

export function setHashParamsForTests(params: HashParams) {
  currentParams = params;
}

// Without a bound, parallel sign-ins and joins take as much memory and CPU as there are requests.
// At most HASH_CONCURRENCY run at a time (the server has two cores); the rest wait in order.
export const HASH_CONCURRENCY = 2;
let running = 0;
const waiting: Array<() => void> = [];
let observer: ((running: number) => void) | undefined;

/** Tests watch how many hashes run at once. */
export function observeHashingForTests(watch: ((running: number) => void) | undefined) {
  observer = watch;
}

async function limited<T>(work: () => Promise<T>): Promise<T> {
  // A finished hash hands its place straight to the next in line, so none can slip in between.
  if (running >= HASH_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
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

// Algorithm.Argon2id; the enum is a const enum, which isolated modules cannot read.
const ARGON2ID = 2 as Algorithm;
const argon2Options = (params: HashParams) => ({ ...params, algorithm: ARGON2ID, outputLen: 32 });

/** Format: $argon2id$v=19$m=…,t=…,p=…$salt$hash. */
export function hashPassword(secret: string): Promise<string> {
  const params = currentParams;
  return limited(() => argon2Hash(secret.normalize("NFC"), argon2Options(params)));
}

export interface VerifyResult {
  ok: boolean;
  /** true when the hash was made with another algorithm or other parameters than today's */
  needsRehash: boolean;
}

export async function verifyPassword(secret: string, stored: string): Promise<VerifyResult> {
  if (stored.startsWith("scrypt$")) return verifyLegacyScrypt(secret, stored);
  if (!stored.startsWith("$argon2id$")) return { ok: false, needsRehash: false };
  const used = parseOptions(stored);
  const ok = await limited(() => argon2Verify(stored, secret.normalize("NFC")));
  const needsRehash =
    used.memoryCost !== currentParams.memoryCost ||
    used.timeCost !== currentParams.timeCost ||
    used.parallelism !== currentParams.parallelism;
  return { ok, needsRehash };
}

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Hashes from before Argon2id: scrypt$N$r$p$salt$hash (base64url). */
async function verifyLegacyScrypt(secret: string, stored: string): Promise<VerifyResult> {
  const parts = stored.split("$");
  if (parts.length !== 6) return { ok: false, needsRehash: false };
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, "base64url");
  const actual = await limited(() =>
    scrypt(secret, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) }),
  );
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
  return { ok, needsRehash: true };
}

function scrypt(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(secret.normalize("NFC"), salt, 32, { ...params, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A hash in the old scrypt format, for tests of the upgrade at sign-in. */
export async function legacyScryptHashForTests(secret: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** A hash to verify against when the account does not exist, so both answers take as long. */
let dummyHash: { params: HashParams; hash: Promise<string> } | undefined;
export function dummyPasswordHash(): Promise<string> {
  if (dummyHash?.params !== currentParams)
    dummyHash = { params: currentParams, hash: hashPassword("not a real password, only here to spend the same time") };
  return dummyHash.hash;
}
