// The `push` job: a request that creates a notice enqueues one, so a slow push service never
// slows a page. Enqueue it in the notice's own transaction:
//
//   await enqueuePush(trx, { memberId, noticeId });
//
// addNotice and addNoticeToMembers (app/features/notices) do this for every notice; the notices
// one step makes for one member share one push.
//
// It runs as "external" work (decision 030): outside a transaction, marked done after. If the
// process dies between sending and marking, the job runs again when its lease ends; the Topic
// header and the notification's tag make the repeat replace the first, not add a second.
import type { JobHandler } from "~/features/jobs/scheduler.server";
import { enqueueJob } from "~/features/jobs/jobs.server";
import type { Env } from "~/platform/env.server";
import type { AppDatabase } from "../../../db/connection";
import { sendPushToMember } from "./send-push.server";

export const PUSH_JOB_KIND = "push";

/**
 * One push per member and step: the notices one step makes for her (the rest of a series
 * cancelled, a series moved to a new time) ring her phone once, not once a date; every notice is
 * still on /notices. A step is the moment its notices are made (the key); the push carries the
 * first notice (for a device's detail line). A notice made at the same moment by another request
 * after that push has been sent or taken gets its own push (keyed by the notice), so none is lost.
 * `runAt` holds it back (a reminder in quiet hours), else it goes at once.
 */
export async function enqueuePush(
  trx: AppDatabase,
  { memberId, noticeId, runAt }: { memberId: string; noticeId: string; runAt?: Date },
  now: Date = new Date(),
): Promise<boolean> {
  const at = runAt ?? now;
  const job = (key: string) => ({ kind: PUSH_JOB_KIND, key, runAt: at, payload: { memberId, noticeId } });
  if (await enqueueJob(trx, job(pushKey(memberId, at)), now)) return true;
  const step = await trx
    .selectFrom("jobs")
    .select(["done_at", "lease_until"])
    .where("key", "=", pushKey(memberId, at))
    .executeTakeFirst();
  // Not started yet: it will tell her of this notice too.
  if (step && step.done_at === null && step.lease_until === null) return false;
  return enqueueJob(trx, job(`push:${noticeId}`), now);
}

/** The push job's key: a member's notices made at the same moment share one push. */
export function pushKey(memberId: string, at: Date): string {
  return `push:${memberId}:${at.toISOString()}`;
}

/** The short detail line for devices that chose details (the notices feature writes it). */
export type PushDetail = (db: AppDatabase, ids: { memberId: string; noticeId: string }) => Promise<string | undefined>;

export class PushNotDelivered extends Error {
  override name = "PushNotDelivered";
  readonly code = "push_not_delivered";
}

export function pushJobHandler(env: Env, detailFor?: PushDetail): JobHandler {
  return {
    mode: "external",
    async run(db, { payload }) {
      const memberId = String(payload.memberId ?? "");
      const noticeId = String(payload.noticeId ?? "");
      if (!memberId || !noticeId) return;
      const detail = detailFor ? await detailFor(db, { memberId, noticeId }) : undefined;
      const report = await sendPushToMember(db, { memberId, noticeId, detail }, env);
      // Some device's push service failed for now: try again later (the scheduler backs off).
      if (report.failed > 0) throw new PushNotDelivered();
    },
  };
}
