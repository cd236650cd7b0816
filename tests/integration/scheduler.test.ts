// The scheduler (decision 030): jobs are rows, claimed with a lease by one conditional UPDATE.
import { enqueueJob } from "~/features/jobs/jobs.server";
import { backoffMs, Scheduler, type JobHandler } from "~/features/jobs/scheduler.server";
import { newId } from "~/platform/ids.server";
import type { AppDatabase } from "../../db/connection";
import { createTestDatabase, type TestDatabase } from "../setup/db";

const T0 = new Date("2026-12-02T10:00:00.000Z");
const MINUTE = 60_000;

let database: TestDatabase;
afterEach(() => database.close());

function clockAt(start: Date) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function jobRow(db: AppDatabase, key: string) {
  return db.selectFrom("jobs").selectAll().where("key", "=", key).executeTakeFirstOrThrow();
}

async function auditRowsFor(db: AppDatabase, jobId: string) {
  return db.selectFrom("audit_log").select("details").where("object_id", "=", jobId).execute();
}

const writeAudit: JobHandler = {
  async run(trx, { job }) {
    await trx
      .insertInto("audit_log")
      .values({
        id: newId(),
        at: T0.toISOString(),
        action: "job.write",
        object_type: "job",
        object_id: job.id,
        details: null,
      })
      .execute();
  },
};

describe("enqueueJob", () => {
  test("makes one job for a key however often it is called", async () => {
    database = await createTestDatabase();
    const job = { kind: "push", key: "push:n1", runAt: T0, payload: { memberId: "m1", noticeId: "n1" } };
    expect(await enqueueJob(database.db, job)).toBe(true);
    expect(await enqueueJob(database.db, job)).toBe(false);
    const rows = await database.db.selectFrom("jobs").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ memberId: "m1", noticeId: "n1" });
  });
});

describe("a scheduler", () => {
  test("runs a job when it is due, once, and not before", async () => {
    database = await createTestDatabase();
    const clock = clockAt(T0);
    const scheduler = new Scheduler(database.db, { clock: clock.now, handlers: { write: writeAudit } });
    await enqueueJob(database.db, { kind: "write", key: "w1", runAt: new Date(T0.getTime() + MINUTE) });

    expect(await scheduler.runDue()).toBe(0);
    clock.advance(MINUTE);
    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.runDue()).toBe(0);

    const job = await jobRow(database.db, "w1");
    expect(job.done_at).toBe(new Date(T0.getTime() + MINUTE).toISOString());
    expect(job.attempts).toBe(1);
    expect(await auditRowsFor(database.db, job.id)).toHaveLength(1);
  });

  test("leaves jobs of a kind it has no handler for to an instance that has one", async () => {
    database = await createTestDatabase();
    const scheduler = new Scheduler(database.db, { clock: () => T0, handlers: { write: writeAudit } });
    await enqueueJob(database.db, { kind: "unknown", key: "u1", runAt: T0 });
    expect(await scheduler.runDue()).toBe(0);
    expect((await jobRow(database.db, "u1")).attempts).toBe(0);
  });

  test("rolls a failing job's work back, keeps only an error code, and tries again later, waiting longer each time", async () => {
    database = await createTestDatabase();
    const clock = clockAt(T0);
    const failing: JobHandler = {
      async run(trx, context) {
        await writeAudit.run(trx, context);
        throw Object.assign(new Error("push service at https://secret.example said no"), { code: "push_503" });
      },
    };
    const scheduler = new Scheduler(database.db, { clock: clock.now, handlers: { write: failing }, maxAttempts: 3 });
    await enqueueJob(database.db, { kind: "write", key: "w1", runAt: T0 });

    await scheduler.runDue();
    let job = await jobRow(database.db, "w1");
    expect(await auditRowsFor(database.db, job.id)).toHaveLength(0);
    expect(job).toMatchObject({ attempts: 1, done_at: null, lease_owner: null, last_error: "push_503" });
    expect(job.run_at).toBe(new Date(T0.getTime() + backoffMs(1)).toISOString());

    // Not again before the back-off has passed.
    clock.advance(backoffMs(1) - 1);
    expect(await scheduler.runDue()).toBe(0);
    clock.advance(1);
    expect(await scheduler.runDue()).toBe(1);
    job = await jobRow(database.db, "w1");
    expect(job.attempts).toBe(2);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(job.run_at).toBe(new Date(clock.now().getTime() + backoffMs(2)).toISOString());

    // The third failure is the last: the job is given up, its error code kept.
    clock.advance(backoffMs(2));
    await scheduler.runDue();
    job = await jobRow(database.db, "w1");
    expect(job.attempts).toBe(3);
    expect(job.done_at).not.toBeNull();
    expect(job.last_error).toBe("push_503");
  });

  test("takes over a job whose holder stopped answering once the lease has run out", async () => {
    database = await createTestDatabase();
    const clock = clockAt(T0);
    const sent: string[] = [];
    let releaseA: () => void = () => undefined;
    const stuck: JobHandler = {
      mode: "external",
      run: () => new Promise<void>((resolve) => (releaseA = resolve)).then(() => void sent.push("A")),
    };
    const send: JobHandler = { mode: "external", run: async () => void sent.push("B") };
    const a = new Scheduler(database.db, {
      owner: "A",
      clock: clock.now,
      leaseMs: 2 * MINUTE,
      handlers: { send: stuck },
    });
    const b = new Scheduler(database.db, { owner: "B", clock: clock.now, leaseMs: 2 * MINUTE, handlers: { send } });
    await enqueueJob(database.db, { kind: "send", key: "s1", runAt: T0 });

    const aRunning = a.runDue();
    await vi.waitFor(async () => expect((await jobRow(database.db, "s1")).lease_owner).toBe("A"));
    expect(await b.runDue()).toBe(0);
    clock.advance(2 * MINUTE - 1);
    expect(await b.runDue()).toBe(0);
    clock.advance(2);
    expect(await b.runDue()).toBe(1);
    expect((await jobRow(database.db, "s1")).done_at).not.toBeNull();

    // A wakes up: its done mark no longer holds, so it records nothing.
    releaseA();
    await aRunning;
    const job = await jobRow(database.db, "s1");
    expect(job.lease_owner).toBe("B");
    expect(job.attempts).toBe(2);
    expect(sent).toEqual(["B", "A"]);
  });

  test("runs a recurring job and enqueues its next run in the same transaction that marks it done", async () => {
    database = await createTestDatabase();
    const clock = clockAt(new Date("2026-12-02T10:00:30.000Z"));
    let runs = 0;
    const options = {
      clock: clock.now,
      recurring: [{ kind: "tick", everyMs: MINUTE, handler: { run: async () => void (runs += 1) } }],
    };
    const a = new Scheduler(database.db, options);
    const b = new Scheduler(database.db, options);
    // Two instances starting at once make one waiting job between them.
    await Promise.all([a.ensureRecurring(), b.ensureRecurring()]);
    expect(await database.db.selectFrom("jobs").select("key").execute()).toEqual([
      { key: "tick@2026-12-02T10:00:00.000Z" },
    ]);

    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(1);
    const waiting = await database.db
      .selectFrom("jobs")
      .select(["key", "run_at"])
      .where("done_at", "is", null)
      .execute();
    expect(waiting).toEqual([{ key: "tick@2026-12-02T10:01:00.000Z", run_at: "2026-12-02T10:01:00.000Z" }]);

    clock.advance(MINUTE);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(2);
    // A restart finds the next run waiting and adds none.
    await a.ensureRecurring();
    expect(await database.db.selectFrom("jobs").select("key").where("done_at", "is", null).execute()).toEqual([
      { key: "tick@2026-12-02T10:02:00.000Z" },
    ]);
  });

  test("stops polling on stop() after the job in hand has finished", async () => {
    database = await createTestDatabase();
    let finished = false;
    const slow: JobHandler = {
      mode: "external",
      run: () => new Promise<void>((resolve) => setTimeout(() => ((finished = true), resolve()), 50)),
    };
    const scheduler = new Scheduler(database.db, { handlers: { slow }, pollMs: 10 });
    await enqueueJob(database.db, { kind: "slow", key: "slow1", runAt: new Date(0) });
    scheduler.start();
    await vi.waitFor(async () => expect((await jobRow(database.db, "slow1")).lease_owner).not.toBeNull());
    await scheduler.stop();
    expect(finished).toBe(true);
    expect((await jobRow(database.db, "slow1")).done_at).not.toBeNull();
    await enqueueJob(database.db, { kind: "slow", key: "slow2", runAt: new Date(0) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await jobRow(database.db, "slow2")).attempts).toBe(0);
  });
});
