// Backup benchmark (a script, not a test): `npm run bench:backup`.
//
// Builds a database of about 86 MB with the app's schema, then times three ways of copying it,
// idle and while 10 writers (each its own connection, in its own thread) keep committing:
//   paged   the online backup API 100 pages per step (better-sqlite3's default, what
//           db/backup.ts did before): SQLite restarts it whenever another connection writes;
//   whole   the online backup API with every page in one step, i.e. one read transaction;
//   vacuum  VACUUM INTO, also one read transaction, writing a compacted copy;
//   backup  db/backup.ts's backupDatabase itself (the "whole" way, plus its checks), in this thread.
// The others run in their own thread and are stopped at CAP_SECONDS. Every finished copy is
// checked with PRAGMA integrity_check. Prints one line per method and a JSON summary.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { backupDatabase } from "../../db/backup";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";

const TARGET_MB = Number(process.env.BENCH_BACKUP_MB ?? 86);
const WRITERS = 10;
const CAP_SECONDS = Number(process.env.BENCH_BACKUP_CAP ?? 180);
const METHODS = ["paged", "whole", "vacuum", "backup"] as const;
type Method = (typeof METHODS)[number];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "moteplass-bench-backup-"));
const source = path.join(dir, "live.sqlite");
const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");

// Worker code is plain JavaScript (eval), so the threads need no TypeScript loader.
const COPY = `
const { workerData, parentPort } = require("node:worker_threads");
const SQLite = require(workerData.betterSqlite);
(async () => {
  const live = new SQLite(workerData.source, { readonly: true, fileMustExist: true });
  live.pragma("busy_timeout = 5000");
  if (workerData.method === "vacuum") live.prepare("VACUUM INTO ?").run(workerData.target);
  else await live.backup(workerData.target, workerData.method === "whole" ? { progress: () => 0x7fffffff } : {});
  live.close();
  const copy = new SQLite(workerData.target, { readonly: true });
  const check = copy.pragma("integrity_check", { simple: true });
  copy.close();
  parentPort.postMessage(check);
})().catch((e) => parentPort.postMessage("error: " + e.message));
`;

const WRITE = `
const { workerData, parentPort } = require("node:worker_threads");
const SQLite = require(workerData.betterSqlite);
const db = new SQLite(workerData.source);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = 10000");
const insert = db.prepare("insert into audit_log (id, at, actor_staff_id, action, object_type, object_id, details) values (?, ?, null, 'bench.write', 'bench', null, ?)");
const write = db.transaction(() => insert.run(crypto.randomUUID(), new Date().toISOString(), "y".repeat(200)));
// Writes without pause until the main thread raises the flag: a writer that waits between
// commits lets a stepwise backup slip through by luck.
const stop = new Int32Array(workerData.stop);
let writes = 0;
while (Atomics.load(stop, 0) === 0) { write.immediate(); writes++; }
db.close();
parentPort.postMessage(writes);
`;

async function buildDatabase() {
  const { db, sqlite } = openDatabase(source);
  await migrateToLatest(db);
  const insert = sqlite.prepare(
    "insert into audit_log (id, at, actor_staff_id, action, object_type, object_id, details) values (?, ?, null, 'bench.fill', 'bench', null, ?)",
  );
  const details = "x".repeat(900);
  const fill = sqlite.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run(crypto.randomUUID(), new Date().toISOString(), details);
  });
  while (fs.statSync(source).size + fs.statSync(source + "-wal").size < TARGET_MB * 1024 * 1024) {
    fill(5_000);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  }
  await db.destroy();
}

async function copyOnce(method: Method, label: string): Promise<{ seconds: number | null; check: string }> {
  const target = path.join(dir, `${method}-${label}.sqlite`);
  const started = performance.now();
  if (method === "backup") {
    await backupDatabase(source, target);
    return { seconds: (performance.now() - started) / 1000, check: "ok" };
  }
  const worker = new Worker(COPY, { eval: true, workerData: { betterSqlite, source, target, method } });
  return new Promise((resolve) => {
    const cap = setTimeout(() => {
      void worker.terminate();
      resolve({ seconds: null, check: `stopped after ${CAP_SECONDS} s` });
    }, CAP_SECONDS * 1000);
    worker.once("message", (check: string) => {
      clearTimeout(cap);
      void worker.terminate();
      resolve({ seconds: (performance.now() - started) / 1000, check });
    });
  });
}

function startWriters() {
  const stop = new SharedArrayBuffer(4);
  const workers = Array.from(
    { length: WRITERS },
    () => new Worker(WRITE, { eval: true, workerData: { betterSqlite, source, stop } }),
  );
  return async function stopWriters(): Promise<number> {
    const counts = workers.map((w) => new Promise<number>((resolve) => w.once("message", resolve)));
    Atomics.store(new Int32Array(stop), 0, 1);
    return (await Promise.all(counts)).reduce((a, b) => a + b, 0);
  };
}

const format = (s: number | null) => (s === null ? `>${CAP_SECONDS} s` : `${s.toFixed(1)} s`);

try {
  await buildDatabase();
  const mb = Math.round(fs.statSync(source).size / 1024 / 1024);
  console.log(`database: ${mb} MB, ${WRITERS} writers, cap ${CAP_SECONDS} s, ${os.cpus().length} CPUs`);
  const results: Record<string, unknown> = { mb, writers: WRITERS };
  for (const method of METHODS) {
    const idle = await copyOnce(method, "idle");
    const stopWriters = startWriters();
    await new Promise((r) => setTimeout(r, 500));
    const busy = await copyOnce(method, "busy");
    const writes = await stopWriters();
    console.log(
      `${method.padEnd(7)} idle ${format(idle.seconds)} (${idle.check}), under writes ${format(busy.seconds)} (${busy.check}; ${writes} writes meanwhile)`,
    );
    results[method] = {
      idleSeconds: idle.seconds,
      busySeconds: busy.seconds,
      idleCheck: idle.check,
      busyCheck: busy.check,
      writes,
    };
  }
  console.log(JSON.stringify(results));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
