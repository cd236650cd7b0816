// Rate limits kept in the database, so they hold across restarts and several app instances.
//
//   const limit = await hitRateLimit(db(), {
//     bucket: "login-ip", subject: clientAddress(context), limit: 20, windowSeconds: 15 * 60,
//   });
//   if (!limit.ok) throw tooManyRequests(limit.retryAfterSeconds);
//
// Each call counts one attempt of `subject` in `bucket` for the current fixed window and answers
// whether it is still allowed. Call it BEFORE checking the password or code, and count failures
// and successes alike, so the answer never tells whether the attempt would have worked. Pages
// answer with `data(…, { status: 429, headers: retryAfterHeaders(n) })` to show a message, and
// add `export { keepRetryAfter as headers } from "./rate-limit.server";` so the page itself
// (a form sent without JavaScript) carries Retry-After: Remix passes only Set-Cookie from an
// action to the page unless the route exports `headers`.
//
// The subject is stored only as an HMAC keyed with a server secret, and only for its window: a
// client address or an account name can never be read back from the table. Each hit purges the
// expired windows of its own bucket and window length; the retention job purges the rest.
import { createHmac, randomBytes } from "node:crypto";
import type { HeadersFunction } from "@remix-run/node";
import type { AppDatabase } from "../../db/connection";
import { env } from "./env.server";
import { logSecurityEvent } from "./logger.server";

export type RateLimitBucket =
  | "login-account"
  | "login-ip"
  | "join-ip"
  | "reset"
  | "staff-login-account"
  | "staff-login-ip"
  | "feed"
  | "interest-ip";

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

const MAX_WINDOW_SECONDS = 24 * 60 * 60;

export async function hitRateLimit(
  db: AppDatabase,
  {
    bucket,
    subject,
    limit,
    windowSeconds,
    now = new Date(),
    written,
  }: {
    bucket: RateLimitBucket;
    subject: string;
    limit: number;
    windowSeconds: number;
    now?: Date;
    /** counts the rows this call wrote, for callers that must tell its writes from others' */
    written?: { rows: number };
  },
): Promise<RateLimitResult> {
  if (!(windowSeconds > 0 && windowSeconds <= MAX_WINDOW_SECONDS)) {
    throw new RangeError(`windowSeconds must be between 1 and ${MAX_WINDOW_SECONDS}`);
  }
  const windowMs = windowSeconds * 1000;
  const windowStartMs = Math.floor(now.getTime() / windowMs) * windowMs;
  const windowStart = new Date(windowStartMs).toISOString();
  // The bucket and window length stay readable (they say nothing about anyone), so this bucket's
  // expired windows can be found; the subject does not.
  const prefix = `${bucket}/${windowSeconds}:`;
  const key = `${prefix}${createHmac("sha256", await rateLimitSecret(db))
    .update(subject, "utf8")
    .digest("base64url")}`;

  // One atomic statement: concurrent requests each get their own count, none is lost.
  const { count } = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.columns(["key", "window_start"]).doUpdateSet((eb) => ({ count: eb("rate_limits.count", "+", 1) })),
    )
    .returning("count")
    .executeTakeFirstOrThrow();

  const [expired] = await db
    .deleteFrom("rate_limits")
    .where("key", "like", `${prefix}%`)
    .where("window_start", "<", windowStart)
    .execute();
  if (written) written.rows += 1 + Number(expired?.numDeletedRows ?? 0);

  if (count <= limit) return { ok: true, remaining: limit - count };
  if (count === limit + 1) logSecurityEvent("rate_limited", { bucket });
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStartMs + windowMs - now.getTime()) / 1000)) };
}

/** The answer to a request over its limit. Resource routes return it; pages may throw it. */
export function tooManyRequests(retryAfterSeconds: number): Response {
  return new Response("Too many attempts. Try again later.", {
    status: 429,
    headers: {
      ...retryAfterHeaders(retryAfterSeconds),
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
    },
  });
}

/** For actions that answer 429 with their own page: `data(…, { status: 429, headers: retryAfterHeaders(n) })`. */
export function retryAfterHeaders(retryAfterSeconds: number): Record<string, string> {
  return { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) };
}

/** A route `headers` export that keeps the Retry-After its action or loader set (see the top). */
export const keepRetryAfter: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

/**
 * The client's address as the server saw it (honouring TRUST_PROXY), for rate limits only: never
 * log or store it. Pass the loader's or action's `context`. IPv6 addresses count by their /64,
 * since one device can use a whole /64.
 */
export function clientAddress(context: unknown): string {
  const raw = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  if (typeof raw !== "string" || raw === "") return "unknown";
  const address = raw.startsWith("::ffff:") && raw.includes(".") ? raw.slice(7) : raw;
  if (!address.includes(":")) return address;
  return ipv6Prefix64(address);
}

function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.split("%", 1)[0]!.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const missing = 8 - headParts.length - tailParts.length;
  const full = [...headParts, ...Array(Math.max(0, missing)).fill("0"), ...tailParts];
  return `${full
    .slice(0, 4)
    .map((p) => p.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

// The HMAC key: RATE_LIMIT_SECRET, or else a random one made once and kept in the database.
const secrets = new WeakMap<AppDatabase, Promise<string>>();

function rateLimitSecret(db: AppDatabase): Promise<string> {
  const fromEnv = env().RATE_LIMIT_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  let secret = secrets.get(db);
  if (!secret) {
    secret = storedSecret(db, "rate-limit");
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db));
  }
  return secret;
}

async function storedSecret(db: AppDatabase, name: string): Promise<string> {
  // Two instances starting together both insert; the first wins and both read the same value.
  await db
    .insertInto("app_secrets")
    .values({ name, value: randomBytes(32).toString("base64url"), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db.selectFrom("app_secrets").select("value").where("name", "=", name).executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Counts one attempt in each of several limits (all of them, so every limit sees every attempt)
 * and answers the longest wait if any is over. For forms limited per account and per address.
 */
export async function hitRateLimits(
  db: AppDatabase,
  checks: ReadonlyArray<{ bucket: RateLimitBucket; subject: string; limit: number }>,
  windowSeconds: number,
): Promise<RateLimitResult> {
  let retryAfterSeconds = 0;
  let remaining = Infinity;
  for (const check of checks) {
    const verdict = await hitRateLimit(db, { ...check, windowSeconds });
    if (verdict.ok) remaining = Math.min(remaining, verdict.remaining);
    else retryAfterSeconds = Math.max(retryAfterSeconds, verdict.retryAfterSeconds);
  }
  return retryAfterSeconds > 0 ? { ok: false, retryAfterSeconds } : { ok: true, remaining };
}
