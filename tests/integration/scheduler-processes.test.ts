// The scheduler (decision 030) in several processes on one SQLite file (SQLite only: across
// instances on PostgreSQL see tests/e2e/postgres-instances.test.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { enqueueJob } from "~/features/jobs/jobs.server";
import { Scheduler, type JobHandler } from "~/features/jobs/scheduler.server";
import { newId } from "~/platform/ids.server";
import type { AppDatabase } from "../../db/connection";
import { openDatabase } from "../../db/connection";
import { createTestDatabase, type TestDatabase } from "../setup/db";

const WORKER = fileURLToPath(new URL("./support/scheduler-worker.ts", import.meta.url));
const T0 = new Date("2026-12-02T10:00:00.000Z");

let database: TestDatabase;
afterEach(() => database.close());

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

function runWorker(
  file: string,
  mode: "race" | "die",
  out = "",
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, file, mode, out], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, LOG_FORMAT: "silent" },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
}

describe("schedulers in two processes on one database file", () => {
  test("never run the same job twice, neither a database write nor an outside send", async () => {
    database = await createTestDatabase({ file: true });
    const out = `${database.filename}.out`;
    const keys = Array.from({ length: 40 }, (_, i) => i);
    for (const i of keys) {
      await enqueueJob(database.db, { kind: "write", key: `write:${i}`, runAt: new Date(0) });
      await enqueueJob(database.db, { kind: "send", key: `send:${i}`, runAt: new Date(0) });
    }
    const workers = [runWorker(database.filename, "race", out), runWorker(database.filename, "race", out)];
    // Both processes are loaded and polling for the start signal before it comes.
    const dir = path.dirname(database.filename);
    await vi.waitFor(() => expect(fs.readdirSync(dir).filter((f) => f.includes(".ready."))).toHaveLength(2), {
      timeout: 30_000,
      interval: 50,
    });
    fs.writeFileSync(`${database.filename}.go`, "");
    expect(await Promise.all(workers)).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);

    const jobs = await database.db.selectFrom("jobs").select(["id", "kind", "done_at", "lease_owner"]).execute();
    expect(jobs.every((job) => job.done_at !== null)).toBe(true);
    const sends = fs.readFileSync(out, "utf8").trim().split("\n");
    const sendJobs = jobs.filter((job) => job.kind === "send").map((job) => job.id);
    expect(sends.map((line) => line.split(" ")[0]).sort()).toEqual([...sendJobs].sort());
    for (const job of jobs.filter((j) => j.kind === "write")) {
      expect(await auditRowsFor(database.db, job.id)).toHaveLength(1);
    }
    // Both took part (otherwise this would test nothing about two instances).
    expect(new Set(jobs.map((job) => job.lease_owner)).size).toBe(2);
  }, 60_000);

  test("a process killed after the work and before it was recorded leaves neither, and the job runs once after the lease", async () => {
    database = await createTestDatabase({ file: true });
    await enqueueJob(database.db, { kind: "write", key: "write:once", runAt: new Date(0) });
    fs.writeFileSync(`${database.filename}.go`, "");
    expect(await runWorker(database.filename, "die")).toEqual({ code: null, signal: "SIGKILL" });

    // The killed process's transaction never committed: no work, no done mark; its lease stays.
    const second = openDatabase(database.filename);
    try {
      const job = await jobRow(second.db, "write:once");
      expect(job.done_at).toBeNull();
      expect(job.attempts).toBe(1);
      expect(job.lease_owner).toMatch(/^worker-/);
      expect(await auditRowsFor(second.db, job.id)).toHaveLength(0);

      const later = new Date(Date.parse(job.lease_until!) + 1);
      const survivor = new Scheduler(second.db, {
        owner: "survivor",
        clock: () => later,
        handlers: { write: writeAudit },
      });
      expect(await survivor.runDue()).toBe(1);
      expect(await auditRowsFor(second.db, job.id)).toHaveLength(1);
      expect((await jobRow(second.db, "write:once")).done_at).not.toBeNull();
      expect(await survivor.runDue()).toBe(0);
    } finally {
      await second.db.destroy();
    }
  }, 30_000);
});
