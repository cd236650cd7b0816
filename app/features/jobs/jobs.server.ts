// Scheduled work is rows in `jobs` (decision 030). Producers enqueue inside their own transaction,
// so a job exists exactly when the change that asked for it was saved.
import { newId } from "~/platform/ids.server";
import type { AppDatabase } from "../../../db/connection";

/** Ids and numbers only: a payload is stored, and must never carry a secret or what someone typed. */
export type JobPayload = Record<string, string | number | null>;

export interface NewJob {
  kind: string;
  /** unique across all jobs: enqueueing an existing key does nothing (e.g. `push:<memberId>:<time>`) */
  key: string;
  runAt: Date;
  payload?: JobPayload;
}

/** Adds a job unless one with the same key exists. Returns whether this call added it. */
export async function enqueueJob(trx: AppDatabase, job: NewJob, now: Date = new Date()): Promise<boolean> {
  const result = await trx
    .insertInto("jobs")
    .values({
      id: newId(),
      kind: job.kind,
      key: job.key,
      run_at: job.runAt.toISOString(),
      payload: JSON.stringify(job.payload ?? {}),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function parsePayload(payload: string): JobPayload {
  const value: unknown = JSON.parse(payload);
  return value && typeof value === "object" && !Array.isArray(value) ? (value as JobPayload) : {};
}
