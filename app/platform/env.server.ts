// The environment, validated once at start-up. A bad value stops the server with a message
// that names the variable (see server/index.ts).
import { z } from "zod";
import { DEFAULT_DATABASE_PATH, DEFAULT_POOL_SIZE, isPostgresUrl } from "../../db/connection";

function base64urlBytes(length: number, message: string) {
  return z.string().refine((s) => /^[A-Za-z0-9_-]+$/.test(s) && Buffer.from(s, "base64url").length === length, message);
}

const boolean = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** the SQLite file, when DATABASE_URL is not set */
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  /** postgres://user:password@host:port/database: PostgreSQL instead of the SQLite file */
  DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, "must be a postgres:// or postgresql:// URL with a host")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** connections each instance keeps to PostgreSQL */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(DEFAULT_POOL_SIZE),
  /** the neutral name shown in titles, the manifest and anywhere a lock screen might show it */
  SITE_NAME: z.string().min(1).max(40).default("Møteplass"),
  /** where "Leave quickly" goes: an ordinary, neutral site */
  QUICK_EXIT_URL: z
    .string()
    .url()
    // http only on this machine, so tests can stand in a local page for the neutral site.
    .refine(
      (u) => u.startsWith("https://") || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(u),
      "must be an https:// address",
    )
    .default("https://www.yr.no"),
  /** the neutral calendar name in iCal feeds */
  CALENDAR_NAME: z.string().min(1).max(40).default("Kalender"),
  /** how many proxies sit in front of the app (for the client address used by rate limits) */
  TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  /** the benchmark's baseline page /bench/hello (`npm run bench` only); a 404 otherwise */
  BENCH_ROUTES: boolean.default("false"),
  /** "json" (one line per event) or "silent" (tests) */
  LOG_FORMAT: z.enum(["json", "silent"]).default("json"),
  /** secure cookies and HSTS; on by default in production */
  SECURE_COOKIES: boolean.optional(),
  /** the name under an installed icon; as neutral as SITE_NAME */
  SITE_SHORT_NAME: z.string().min(1).max(12).default("Møteplass"),
  /**
   * the key for hashing rate-limit keys (client addresses, account names). Unset: a random secret
   * is made once and kept in the database (app_secrets), so the demo needs no configuration.
   */
  RATE_LIMIT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * Web Push (VAPID, RFC 8292): the server's key pair, base64url (`npx web-push generate-vapid-keys`).
   * Unset: a pair is made once and kept in the database (app_secrets), so every instance agrees.
   */
  VAPID_PUBLIC_KEY: base64urlBytes(65, "a base64url P-256 public key (65 bytes)").optional(),
  VAPID_PRIVATE_KEY: base64urlBytes(32, "a base64url P-256 private key (32 bytes)").optional(),
  /** who runs this server, for push services (an https: address or a mailto:) */
  VAPID_SUBJECT: z
    .string()
    .refine((s) => /^(https:\/\/[^/\s]+|mailto:[^\s@]+@[^\s@]+)/.test(s), "must be an https: address or a mailto:")
    .default("mailto:push@moteplass.invalid"),
  /** retention (days): private notes and exact addresses after an activity ended */
  RETENTION_NOTES_DAYS: z.coerce.number().int().min(1).default(30),
  RETENTION_ADDRESSES_DAYS: z.coerce.number().int().min(1).default(30),
  /** retention (days): deactivated accounts are deleted this long after deactivation */
  RETENTION_DEACTIVATED_DAYS: z.coerce.number().int().min(1).default(90),
  /** retention (days): audit log entries */
  RETENTION_AUDIT_DAYS: z.coerce.number().int().min(1).default(365),
  /** retention (days): a member's notices */
  RETENTION_NOTICES_DAYS: z.coerce.number().int().min(1).default(60),
  /** Oslo hours when no reminder is sent, "from-until" (default 22-08); "0-0" for none */
  QUIET_HOURS: z
    .string()
    .regex(/^([01]?\d|2[0-3])-([01]?\d|2[0-3])$/, "write it as two hours, e.g. 22-08")
    .default("22-08")
    .transform((v) => {
      const [from, until] = v.split("-").map(Number) as [number, number];
      return { from, until };
    }),
  /** reports and demand show figures from 1 to this minus one as "<N" (decision 034) */
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(3).max(20).default(5),
});

export type Env = z.infer<typeof envSchema> & { SECURE_COOKIES: boolean };

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if ((env.VAPID_PUBLIC_KEY === undefined) !== (env.VAPID_PRIVATE_KEY === undefined)) {
    throw new EnvError("Invalid environment:\n  VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither");
  }
  return { ...env, SECURE_COOKIES: env.SECURE_COOKIES ?? env.NODE_ENV === "production" };
}

export class EnvError extends Error {
  override name = "EnvError";
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
