// A member's devices that receive push notifications: one row per browser she turned push on in.
// Every query is scoped by the member asking. The endpoint and keys are secrets of a kind (they let
// anyone send to that browser): they are never logged and never shown back.
import type { MemberViewer } from "~/features/sessions/viewer.server";
import { newId } from "~/platform/ids.server";
import type { AppDatabase } from "../../../db/connection";

type Member = MemberViewer["member"];

export interface DeviceSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Turns push on for this browser. A browser has one subscription per site, so an endpoint another
 * member had on this device (a shared phone) now belongs to the member who turned it on last.
 */
export async function subscribeDevice(
  db: AppDatabase,
  member: Member,
  input: DeviceSubscription & { showDetails: boolean },
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  const values = {
    member_id: member.id,
    p256dh: input.p256dh,
    auth: input.auth,
    show_details: input.showDetails ? 1 : 0,
    last_seen_at: at,
  };
  await db
    .insertInto("push_subscriptions")
    .values({ id: newId(), endpoint: input.endpoint, created_at: at, ...values })
    .onConflict((oc) => oc.column("endpoint").doUpdateSet(values))
    .execute();
}

/** Turns push off for this browser. Returns whether it was on. */
export async function unsubscribeDevice(db: AppDatabase, member: Member, { endpoint }: { endpoint: string }) {
  const result = await db
    .deleteFrom("push_subscriptions")
    .where("member_id", "=", member.id)
    .where("endpoint", "=", endpoint)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** "Show details on this device's lock screen", for this browser only. Returns whether it is on. */
export async function setDeviceDetails(
  db: AppDatabase,
  member: Member,
  { endpoint, showDetails }: { endpoint: string; showDetails: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable("push_subscriptions")
    .set({ show_details: showDetails ? 1 : 0 })
    .where("member_id", "=", member.id)
    .where("endpoint", "=", endpoint)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface DeviceStatus {
  subscribed: boolean;
  showDetails: boolean;
}

/**
 * What the server holds for the browser asking, which also notes that the device is still in use
 * (subscriptions no page has confirmed for a long time are deleted, DATA.md).
 */
export async function deviceStatus(
  db: AppDatabase,
  member: Member,
  { endpoint }: { endpoint: string },
  now: Date = new Date(),
): Promise<DeviceStatus> {
  const row = await db
    .selectFrom("push_subscriptions")
    .select(["id", "show_details"])
    .where("member_id", "=", member.id)
    .where("endpoint", "=", endpoint)
    .executeTakeFirst();
  if (!row) return { subscribed: false, showDetails: false };
  await db
    .updateTable("push_subscriptions")
    .set({ last_seen_at: now.toISOString() })
    .where("id", "=", row.id)
    .execute();
  return { subscribed: true, showDetails: row.show_details === 1 };
}
