// Sending a push to each of a member's devices (RFC 8030 with RFC 8291 encryption, signed with
// VAPID, RFC 8292), through `web-push`. Neutral by construction (GUIDE §5, decision 031): the
// payload is the site's neutral name and one neutral line in her language; only a device where she
// chose "show details" gets the short detail line the caller passes in. No title, time, place,
// pseudonym or group is ever put here by this module.
import webpush, { WebPushError } from "web-push";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { tFor } from "~/i18n/catalogs.server";
import { env as appEnv, type Env } from "~/platform/env.server";
import type { AppDatabase } from "../../../db/connection";
import { isPushServiceEndpoint } from "./push-endpoints.server";
import { vapidKeys } from "./vapid.server";

/**
 * RFC 8030 headers, chosen on purpose:
 * - TTL 12 h: a push is only a pointer to /notices; after half a day the page says it better, and a
 *   phone that was off for days should not light up with old news.
 * - Urgency "normal": nothing we send is an emergency; "high" would wake a sleeping phone.
 * - Topic "notices": the push service keeps at most one undelivered message per device and topic,
 *   so a phone that was offline gets one "you have a new message", not ten; a repeat of the same
 *   push (a retried job) replaces the first instead of arriving twice.
 */
export const PUSH_TTL_SECONDS = 12 * 60 * 60;
export const PUSH_URGENCY = "normal" as const;
export const PUSH_TOPIC = "notices";
const PUSH_TIMEOUT_MS = 10_000;

export interface PushPayload {
  title: string;
  body: string;
}

export interface PushReport {
  sent: number;
  /** subscriptions the push service no longer knows (404/410), deleted */
  removed: number;
  /** failures that may pass (5xx, 429, network): the caller may try again */
  failed: number;
}

export async function sendPushToMember(
  db: AppDatabase,
  {
    memberId,
    detail,
  }: {
    memberId: string;
    /** the notice this push points to; the payload never carries it */
    noticeId: string;
    /** a short line for devices where the member chose details; never sent to the others */
    detail?: string;
  },
  env: Pick<Env, "SITE_NAME" | "VAPID_PUBLIC_KEY" | "VAPID_PRIVATE_KEY" | "VAPID_SUBJECT"> = appEnv(),
): Promise<PushReport> {
  // A deactivated account cannot sign in to read anything: nothing is sent to it.
  const member = await db
    .selectFrom("members")
    .select("locale")
    .where("id", "=", memberId)
    .where("deactivated_at", "is", null)
    .executeTakeFirst();
  const report: PushReport = { sent: 0, removed: 0, failed: 0 };
  if (!member) return report;
  const devices = await db
    .selectFrom("push_subscriptions")
    .select(["id", "endpoint", "p256dh", "auth", "show_details"])
    .where("member_id", "=", memberId)
    .execute();
  if (devices.length === 0) return report;

  const t = tFor(isLocale(member.locale) ? member.locale : DEFAULT_LOCALE);
  const neutral: PushPayload = { title: env.SITE_NAME, body: t("push.neutralLine") };
  const keys = await vapidKeys(db, env);

  for (const device of devices) {
    // Kept rows were checked when saved; checked again so no row can point the server elsewhere.
    if (!isPushServiceEndpoint(device.endpoint)) continue;
    const payload = device.show_details === 1 && detail ? { ...neutral, body: detail.slice(0, 120) } : neutral;
    try {
      await webpush.sendNotification(
        { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
        JSON.stringify(payload),
        {
          vapidDetails: { subject: env.VAPID_SUBJECT, publicKey: keys.publicKey, privateKey: keys.privateKey },
          TTL: PUSH_TTL_SECONDS,
          urgency: PUSH_URGENCY,
          topic: PUSH_TOPIC,
          timeout: PUSH_TIMEOUT_MS,
        },
      );
      report.sent += 1;
    } catch (error) {
      if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
        await db.deleteFrom("push_subscriptions").where("id", "=", device.id).execute();
        report.removed += 1;
      } else {
        report.failed += 1;
      }
    }
  }
  return report;
}
