// Every kind of scheduled work the server runs, in one list (decision 030). It sits above the
// features, like server-hooks.server.ts, because it gathers them.
//
// A recurring kind: add `{ kind, everyMs, handler }` to `recurring`. A one-off kind: add a handler
// to `handlers` and enqueue rows with `enqueueJob(trx, { kind, key, runAt, payload })` inside the
// transaction that decides the work (app/features/jobs/jobs.server.ts).
import { detailFor } from "~/features/my-notices/push-detail.server";
import { sendDueReminders } from "~/features/notices/reminders.server";
import { PUSH_JOB_KIND, pushJobHandler } from "~/features/push/push-job.server";
import { retentionPolicyFromEnv, runRetention } from "~/features/retention/retention.server";
import { expireOffers } from "~/features/waitlist/waitlist.server";
import type { JobHandler, RecurringJob, SchedulerOptions } from "~/features/jobs/scheduler.server";
import type { Env } from "~/platform/env.server";
import { log } from "~/platform/logger.server";

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * MINUTE_MS * 60;

export function scheduledJobs(env: Env): Pick<SchedulerOptions, "handlers" | "recurring"> {
  const handlers: Record<string, JobHandler> = {
    [PUSH_JOB_KIND]: pushJobHandler(env, detailFor),
  };
  const recurring: RecurringJob[] = [
    // Transactional (the default): the notices, their push jobs and the done mark commit together,
    // so a run that dies half-way leaves nothing, and two instances never both run one minute.
    {
      kind: "reminders",
      everyMs: MINUTE_MS,
      handler: {
        async run(trx, { now }) {
          await sendDueReminders(trx, { now, quiet: env.QUIET_HOURS });
        },
      },
    },
    {
      kind: "offer-expiry",
      everyMs: MINUTE_MS,
      handler: {
        async run(trx, { now }) {
          await expireOffers(trx, { now });
        },
      },
    },
    {
      // DATA.md: daily, at midnight UTC; a missed day runs as soon as an instance is up. Repeating
      // it is harmless, so it runs outside one long transaction that would hold the write lock.
      kind: "retention",
      everyMs: DAY_MS,
      handler: {
        mode: "external",
        async run(db, { now }) {
          log("retention", { ...(await runRetention(db, { ...retentionPolicyFromEnv(env), now })) });
        },
      },
    },
  ];
  return { handlers, recurring };
}
