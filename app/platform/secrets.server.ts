// Random secrets and their hashes. Secrets are shown once and stored only as SHA-256 hashes:
// they carry 128+ bits of randomness, so a fast hash is enough (no salt or stretching needed).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("base64url");
}

/** 256-bit random, URL-safe. For session ids and feed tokens. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

// Crockford base32: no I, L, O or U, so a code read aloud or from paper is hard to mistype.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A code of `groups` × 4 Crockford characters (5 bits each), e.g. 7 groups = 140 bits. */
export function randomReadableCode(groups: number): string {
  const bytes = randomBytes(groups * 4);
  const chars = Array.from(bytes, (b) => CROCKFORD[b & 31]!);
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += 4) parts.push(chars.slice(i, i + 4).join(""));
  return parts.join("-");
}

/** What a person typed, brought to the canonical form before hashing: case, spaces, look-alikes. */
export function normalizeReadableCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\u2010-\u2015_]+/g, "-")
    .replace(/[^0-9A-Z-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
