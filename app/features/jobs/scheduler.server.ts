// The scheduler (decision 030): every instance polls `jobs` for due rows and claims each with one
// conditional UPDATE that only one instance can win, on SQLite and PostgreSQL alike. A claim is a
// lease: a holder that dies lets it run out, and another instance takes the job over.
//
// Two kinds of handler:
// - "transaction" (the default): the work is database writes. The job is marked done first thing
//   inside the handler's own write transaction (only while this instance still holds the lease), so
//   the work and the done mark commit together or not at all: it runs exactly once.
// - "external": the work leaves the database (a push). It runs outside any transaction and is
//   marked done after; a crash in between repeats it once the lease runs out (at least once).
import { randomUUID } from "node:crypto";
import { writeTransaction } from "../../../db/transaction";
import type { AppDatabase } from "../../../db/connection";
import type { Job } from "../../../db/schema";
import { enqueueJob, parsePayload, type JobPayload } from "./jobs.server";

export interface JobContext {
  job: Job;
  payload: JobPayload;
  /** the scheduler's clock at the claim */
  now: Date;
}

export type JobHandler =
  | { mode?: "transaction"; run: (trx: AppDatabase, context: JobContext) => Promise<void> }
  | { mode: "external"; run: (db: AppDatabase, context: JobContext) => Promise<void> };

export interface RecurringJob {
  kind: string;
  /** how often; runs fall on multiples of this since 1970-01-01T00:00Z (a day: midnight UTC) */
  everyMs: number;
  handler: JobHandler;
}

export interface SchedulerOptions {
  /** handlers by job kind; a due job of a kind no instance knows waits */
  handlers?: Record<string, JobHandler>;
  recurring?: RecurringJob[];
  /** the time; tests pass a clock they move */
  clock?: () => Date;
  /** who holds a claim; unique per instance by default */
  owner?: string;
  /** how long a claim holds before another instance may take the job over */
  leaseMs?: number;
  /** how often start() looks for due jobs */
  pollMs?: number;
  /** how many due jobs one look claims at most */
  batchSize?: number;
  /** after this many failed attempts a job is given up (marked done, its last error kept) */
  maxAttempts?: number;
  /** called after each job, for the log: never a payload, only kind, key shape and outcome */
  onJob?: (event: JobEvent) => void;
}

export interface JobEvent {
  kind: string;
  outcome: "done" | "failed" | "gave_up" | "lease_lost";
  attempts: number;
  error?: string;
}

export const DEFAULT_LEASE_MS = 2 * 60 * 1000;
const BACKOFF_BASE_MS = 30 * 1000;
const BACKOFF_MAX_MS = 60 * 60 * 1000;

/** 30 s, 1 min, 2 min, … up to an hour, after the first, second, third … failure. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

export function recurringKey(kind: string, runAt: Date): string {
  return `${kind}@${runAt.toISOString()}`;
}

class LeaseLost extends Error {
  override name = "LeaseLost";
}

export class Scheduler {
  readonly owner: string;
  private readonly db: AppDatabase;
  private readonly handlers: Map<string, JobHandler>;
  private readonly recurring: Map<string, RecurringJob>;
  private readonly clock: () => Date;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly onJob: (event: JobEvent) => void;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(db: AppDatabase, options: SchedulerOptions = {}) {
    this.db = db;
    this.owner = options.owner ?? randomUUID();
    this.clock = options.clock ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.pollMs = options.pollMs ?? 2_000;
    this.batchSize = options.batchSize ?? 20;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.onJob = options.onJob ?? (() => undefined);
    this.handlers = new Map(Object.entries(options.handlers ?? {}));
    this.recurring = new Map();
    for (const job of options.recurring ?? []) {
      this.recurring.set(job.kind, job);
      this.handlers.set(job.kind, job.handler);
    }
  }

  /**
   * Makes sure each recurring kind has a run waiting (start() calls it; after that every run
   * enqueues the next in the transaction that marks it done). Two instances starting at once agree
   * on the key (the current slot), so they make one job between them.
   */
  async ensureRecurring(): Promise<void> {
    const now = this.clock();
    for (const { kind, everyMs } of this.recurring.values()) {
      const waiting = (trx: AppDatabase) =>
        trx.selectFrom("jobs").select("id").where("kind", "=", kind).where("done_at", "is", null).executeTakeFirst();
      if (await waiting(this.db)) continue;
      await writeTransaction(this.db, async (trx) => {
        if (await waiting(trx)) return;
        const slot = new Date(Math.floor(now.getTime() / everyMs) * everyMs);
        await enqueueJob(trx, { kind, key: recurringKey(kind, slot), runAt: now }, now);
      });
    }
  }

  /** Claims and runs the jobs due now (one batch). Returns how many this instance ran. */
  async runDue(): Promise<number> {
    const now = this.clock().toISOString();
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return 0;
    const due = await this.db
      .selectFrom("jobs")
      .select("id")
      .where("done_at", "is", null)
      .where("run_at", "<=", now)
      .where("kind", "in", kinds)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
      .orderBy("run_at")
      .limit(this.batchSize)
      .execute();
    let ran = 0;
    for (const { id } of due) {
      const job = await this.claim(id);
      if (!job) continue;
      await this.run(job);
      ran += 1;
    }
    return ran;
  }

  /** Runs due jobs every pollMs until stop(). The timer never keeps the process alive. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    let first = true;
    const tick = () => {
      const before = first ? this.ensureRecurring() : Promise.resolve();
      first = false;
      this.running = before
        .then(() => this.runDue())
        .catch((error: unknown) =>
          this.onJob({ kind: "(scheduler)", outcome: "failed", attempts: 0, error: errorCode(error) }),
        )
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.pollMs).unref();
        });
    };
    tick();
  }

  /** Stops polling and waits for the job in hand, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One conditional UPDATE: it changes the row only while nobody holds a live lease on it. */
  private async claim(id: string): Promise<Job | undefined> {
    const now = this.clock();
    const nowIso = now.toISOString();
    const result = await this.db
      .updateTable("jobs")
      .set((eb) => ({
        lease_owner: this.owner,
        lease_until: new Date(now.getTime() + this.leaseMs).toISOString(),
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "=", id)
      .where("done_at", "is", null)
      .where("run_at", "<=", nowIso)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", nowIso)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return undefined;
    return this.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
  }

  private async run(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const context: JobContext = { job, payload: parsePayload(job.payload), now: this.clock() };
    try {
      if (handler.mode === "external") {
        await handler.run(this.db, context);
        await writeTransaction(this.db, async (trx) => {
          if (!(await this.markDone(trx, job))) throw new LeaseLost();
          await this.enqueueNext(trx, job);
        });
      } else {
        await writeTransaction(this.db, async (trx) => {
          // First: on PostgreSQL this locks the row, so an instance that would take the job over
          // waits for this transaction and then finds it done.
          if (!(await this.markDone(trx, job))) throw new LeaseLost();
          await handler.run(trx, context);
          await this.enqueueNext(trx, job);
        });
      }
      this.onJob({ kind: job.kind, outcome: "done", attempts: job.attempts });
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.onJob({ kind: job.kind, outcome: "lease_lost", attempts: job.attempts });
        return;
      }
      await this.fail(job, errorCode(error));
    }
  }

  private async markDone(trx: AppDatabase, job: Job): Promise<boolean> {
    const result = await trx
      .updateTable("jobs")
      .set({ done_at: this.clock().toISOString(), lease_until: null, last_error: null })
      .where("id", "=", job.id)
      .where("lease_owner", "=", this.owner)
      .where("done_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private async enqueueNext(trx: AppDatabase, job: Job): Promise<void> {
    const recurring = this.recurring.get(job.kind);
    if (!recurring) return;
    const now = this.clock();
    const next = new Date((Math.floor(now.getTime() / recurring.everyMs) + 1) * recurring.everyMs);
    await enqueueJob(trx, { kind: job.kind, key: recurringKey(job.kind, next), runAt: next }, now);
  }

  /** Lets the job go again later, or gives it up after maxAttempts; only while we hold it. */
  private async fail(job: Job, code: string): Promise<void> {
    const now = this.clock();
    const givingUp = job.attempts >= this.maxAttempts;
    await writeTransaction(this.db, async (trx) => {
      const result = await trx
        .updateTable("jobs")
        .set({
          lease_owner: null,
          lease_until: null,
          last_error: code,
          run_at: new Date(now.getTime() + backoffMs(job.attempts)).toISOString(),
          done_at: givingUp ? now.toISOString() : null,
        })
        .where("id", "=", job.id)
        .where("lease_owner", "=", this.owner)
        .where("done_at", "is", null)
        .executeTakeFirst();
      // A recurring job that is given up still has its next run.
      if (givingUp && Number(result.numUpdatedRows) === 1) await this.enqueueNext(trx, job);
    });
    this.onJob({ kind: job.kind, outcome: givingUp ? "gave_up" : "failed", attempts: job.attempts, error: code });
  }
}

/** A short code for the log and `jobs.last_error`: a name, never a message. */
export function errorCode(error: unknown): string {
  const candidate =
    (error as { code?: unknown } | null)?.code ?? (error instanceof Error ? error.name : undefined) ?? "error";
  const text = String(candidate);
  return /^[A-Za-z0-9_.:-]{1,60}$/.test(text) ? text : "error";
}
