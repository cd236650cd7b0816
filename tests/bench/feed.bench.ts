// Calendar feed benchmark (a script, not a test): `npm run build && npm run bench:feed`.
//
// Serves the real production build with the production express app (server/app.ts) in this
// process, on 127.0.0.1 and a temporary database holding one member with a 1,000-event feed,
// and reports in one run:
//   1. requests/s of the feed's 304 path against /healthz on the same server (target ≥ 0.8×);
//   2. the time to build the 1,000-event feed: cold (first build in the process), rebuilt, and
//      from the in-memory cache.
// Bounded: a fixed number of requests at a fixed concurrency, a few seconds in all.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const REQUESTS = 2_000;
const CONCURRENCY = 10;
const WARMUP = 300;
const EVENTS = 1_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const buildPath = path.join(root, "build", "index.js");
if (!fs.existsSync(buildPath)) {
  console.error("No production build. Run `npm run build` first.");
  process.exit(1);
}

// Before any app module reads the environment.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "moteplass-bench-"));
Object.assign(process.env, {
  NODE_ENV: "production",
  LOG_FORMAT: "silent",
  DATABASE_PATH: path.join(dir, "bench.sqlite"),
});

const { openDatabase } = await import("../../db/connection");
const { migrateToLatest } = await import("../../db/migrator");
const { writeTransaction } = await import("../../db/transaction");
const { useDatabase } = await import("~/platform/db.server");
const { setLogSilent } = await import("~/platform/logger.server");
const { createFeedToken, findFeedByToken } = await import("~/features/calendar/feed-tokens.server");
const { listFeedActivities } = await import("~/features/calendar/feed-activities.server");
const { buildFeedCalendar, feedCache } = await import("~/features/calendar/build-feed.server");
const { createApp, serverHooksOf } = await import("../../server/app");
const factories = await import("../factories");

setLogSilent(true);
const opened = openDatabase(process.env.DATABASE_PATH);
await migrateToLatest(opened.db);
useDatabase(opened);

// One member going to (or waiting for) 1,000 activities over the coming two years.
const db = opened.db;
const chapter = await factories.createChapter(db);
const group = await factories.createGroup(db, { chapter_id: chapter.id });
const member = await factories.createMember(db, { chapter_id: chapter.id, groupIds: [group.id] });
const start = Date.now() + 24 * 60 * 60 * 1000;
await writeTransaction(db, async (trx) => {
  for (let i = 0; i < EVENTS; i++) {
    const startsAt = new Date(start + i * 17 * 60 * 60 * 1000).toISOString();
    const activity = await factories.createActivity(trx, {
      chapter_id: chapter.id,
      group_id: group.id,
      starts_at: startsAt,
      title: `Kveldsmat og prat på Grünerløkka nr. ${i} – ta gjerne med en venn 😊`,
      description:
        "Vi lager mat sammen, spiser og prater. Alle er velkomne, og du trenger ikke si noe om deg selv.\nVi møtes i gangen.",
      area: "Grünerløkka",
      address: `Hemmelig gate ${i}`,
    });
    await factories.createRsvp(trx, {
      activity_id: activity.id,
      member_id: member.id,
      status: i % 5 === 0 ? "waitlisted" : "going",
    });
  }
});
const { token } = await createFeedToken(db, { memberId: member.id });
const feed = (await findFeedByToken(db, token))!;

// Build times, measured directly (the HTTP layer adds nothing to them).
const presentation = {
  audience: "member" as const,
  locale: "nb" as const,
  discreetTitles: false,
  calendarName: "Kalender",
};
const time = async <T>(work: () => T | Promise<T>) => {
  const t0 = performance.now();
  const result = await work();
  return { ms: performance.now() - t0, result };
};
const query = await time(() => listFeedActivities(db, feed));
const cold = await time(() => buildFeedCalendar(query.result, presentation));
const rebuilds: number[] = [];
for (let i = 0; i < 5; i++) rebuilds.push((await time(() => buildFeedCalendar(query.result, presentation))).ms);
feedCache.set("bench", cold.result);
const cached = await time(() => feedCache.get("bench"));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// The production app with the real build, on 127.0.0.1 only.
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
// The app logs through the build's own logger, as in production.
serverHooksOf(build).setLogSilent(true);
const app = createApp({ build, publicDir: path.join(root, "public"), hsts: false, trustProxy: 0 });
const server = app.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const feedUrl = `${base}/calendar/${token}.ics`;

const full = await fetch(feedUrl);
const body = await full.text();
const etag = full.headers.get("ETag")!;
if (full.status !== 200 || !etag) throw new Error(`the feed answered ${full.status}`);
const firstFullMs = (await time(async () => (await fetch(feedUrl)).arrayBuffer())).ms;

async function load(url: string, headers: Record<string, string>, expected: number, count: number) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next++;
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status !== expected) throw new Error(`${url} answered ${response.status}, not ${expected}`);
      }
    }),
  );
  return count / ((performance.now() - t0) / 1000);
}

// Calendar apps and fetch() send Accept-Encoding: gzip; a tiny /healthz body then still goes
// through a gzip stream (compression has no length to skip it by), while a 304 has no body.
// So the trivial route is measured both ways.
const healthz = () => load(`${base}/healthz`, {}, 200, REQUESTS);
const healthzIdentity = () => load(`${base}/healthz`, { "Accept-Encoding": "identity" }, 200, REQUESTS);
const notModified = () => load(feedUrl, { "If-None-Match": etag }, 304, REQUESTS);
await load(`${base}/healthz`, {}, 200, WARMUP);
await load(feedUrl, { "If-None-Match": etag }, 304, WARMUP);
// Interleaved rounds, so neither side gets a quieter machine.
const rounds: Array<{ healthz: number; identity: number; feed304: number }> = [];
for (let i = 0; i < 3; i++) {
  rounds.push({ healthz: await healthz(), identity: await healthzIdentity(), feed304: await notModified() });
}
const healthzRps = median(rounds.map((r) => r.healthz));
const identityRps = median(rounds.map((r) => r.identity));
const feedRps = median(rounds.map((r) => r.feed304));

server.close();
await opened.db.destroy();
fs.rmSync(dir, { recursive: true, force: true });

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`Calendar feed benchmark — Node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}`);
console.log(`Feed: ${EVENTS} events, ${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB`);
console.log(`Query the feed's rows:          ${ms(query.ms)}`);
console.log(`Build, cold (first in process): ${ms(cold.ms)}`);
console.log(`Build, again (median of 5):     ${ms(median(rebuilds))}`);
console.log(`From the cache:                 ${ms(cached.ms)}`);
console.log(`Full 200 over HTTP, cached:     ${ms(firstFullMs)}`);
console.log(
  `${REQUESTS} requests per run, ${rounds.length} interleaved runs (median), concurrency ${CONCURRENCY}, 127.0.0.1:`,
);
console.log(`  /healthz (gzip accepted):     ${healthzRps.toFixed(0)} req/s`);
console.log(`  /healthz (identity):          ${identityRps.toFixed(0)} req/s`);
console.log(`  feed, 304 (If-None-Match):    ${feedRps.toFixed(0)} req/s`);
console.log(`  ratio 304 / healthz:          ${(feedRps / healthzRps).toFixed(2)}× (target ≥ 0.80×)`);
console.log(`  ratio 304 / healthz identity: ${(feedRps / identityRps).toFixed(2)}×`);
console.log(
  `Load average while running: ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}`,
);
process.exit(0);
