// The server's VAPID key pair (RFC 8292): it signs every push so push services know the sender.
// From the environment when given; otherwise made once and kept in app_secrets as one row, so
// every instance on the database signs with the same key and subscriptions keep working.
import webpush from "web-push";
import type { Env } from "~/platform/env.server";
import type { AppDatabase } from "../../../db/connection";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const SECRET_NAME = "vapid-keys";
const kept = new WeakMap<AppDatabase, Promise<VapidKeys>>();

export function vapidKeys(db: AppDatabase, env: Pick<Env, "VAPID_PUBLIC_KEY" | "VAPID_PRIVATE_KEY">) {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    return Promise.resolve({ publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY });
  }
  let keys = kept.get(db);
  if (!keys) {
    keys = keptVapidKeys(db);
    kept.set(db, keys);
    keys.catch(() => kept.delete(db));
  }
  return keys;
}

async function keptVapidKeys(db: AppDatabase): Promise<VapidKeys> {
  const made = webpush.generateVAPIDKeys();
  // Two instances starting at once: one insert wins, and both read the winner's pair.
  await db
    .insertInto("app_secrets")
    .values({ name: SECRET_NAME, value: JSON.stringify(made), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("app_secrets")
    .select("value")
    .where("name", "=", SECRET_NAME)
    .executeTakeFirstOrThrow();
  const { publicKey, privateKey } = JSON.parse(row.value) as VapidKeys;
  return { publicKey, privateKey };
}

/** What a browser needs to subscribe (applicationServerKey); the private key never leaves here. */
export async function vapidPublicKey(db: AppDatabase, env: Pick<Env, "VAPID_PUBLIC_KEY" | "VAPID_PRIVATE_KEY">) {
  return (await vapidKeys(db, env)).publicKey;
}
