// `npm run bench` (a script, not a test; needs `npm run build` first): the performance issue's table
// in one run, each row as a ratio against a baseline measured in the same run, because absolute
// numbers drift on a shared machine. Starts the production build (node build/server.js, with
// BENCH_ROUTES=1 for the baseline page /bench/hello) on a temporary database, and a bare Express
// hello for the middleware baseline. Client JS is read from the build's manifest.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import { createSession } from "~/features/sessions/sessions.server";
import { memberSessionPolicy } from "~/features/members/member-account.server";
import { createFeedToken } from "~/features/calendar/feed-tokens.server";
import { hashPassword, PRODUCTION_HASH_PARAMS, setHashParamsForTests } from "~/platform/password.server";
import { newId } from "~/platform/ids.server";
import { scriptBytes } from "../e2e/client-manifest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "moteplass-bench-"));
const dbFile = path.join(dir, "bench.sqlite");
const PORT = 3900 + Math.floor(Math.random() * 90);
const EXPRESS_PORT = PORT + 1;
const base = `http://127.0.0.1:${PORT}`;
const ENCODING = { "Accept-Encoding": "br, gzip" };

const lines: string[] = [];
const print = (line: string) => {
  lines.push(line);
  console.log(line);
};

async function waitFor(url: string, child: ChildProcess) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Requests per second at concurrency 10, for `seconds` (after a short warm-up). */
async function rate(url: string, headers: Record<string, string> = {}, seconds = 3): Promise<number> {
  const one = async () => {
    // A keep-alive socket the server closed while we were seeding fails once: ask again.
    const res = await fetch(url, { headers: { ...ENCODING, ...headers } }).catch(() =>
      fetch(url, { headers: { ...ENCODING, ...headers } }),
    );
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  };
  for (let i = 0; i < 20; i++) await one();
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (performance.now() < until) {
        await one();
        done++;
      }
    }),
  );
  return done / seconds;
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const f2 = (n: number) => n.toFixed(2);

// --- the database: a chapter, a group, a member who sees 70 activities, and 200 members to answer
setHashParamsForTests({ memoryCost: 256, timeCost: 1, parallelism: 1 });
const opened = openDatabase(dbFile);
await migrateToLatest(opened.db);
const now = new Date();
const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
const chapterId = newId();
const otherChapterId = newId();
const groupId = newId();
const sqlite = new Database(dbFile);
sqlite.pragma("journal_mode = WAL");
const at = iso(0);
for (const [id, slug] of [
  [chapterId, "oslo"],
  [otherChapterId, "bergen"],
] as const)
  sqlite
    .prepare("insert into chapters (id, slug, name, region, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
    .run(id, slug, slug, "region", at, at);
sqlite
  .prepare(
    "insert into groups (id, chapter_id, name, audience, join_policy, created_at, updated_at) values (?, ?, 'Gruppa', 'everyone', 'approval', ?, ?)",
  )
  .run(groupId, chapterId, at, at);
const passphraseHash = await hashPassword("bench passphrase that is long");
const memberIds: string[] = [];
const insertMember = sqlite.prepare(
  "insert into members (id, chapter_id, pseudonym, pseudonym_key, pseudonym_case_key, passphrase_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
);
const insertMembership = sqlite.prepare(
  "insert into group_memberships (member_id, group_id, status, created_at) values (?, ?, 'active', ?)",
);
sqlite.transaction(() => {
  for (let i = 0; i < 201; i++) {
    const id = newId();
    insertMember.run(id, chapterId, `Medlem${i}`, `medlem${i}`, `medlem${i}`, passphraseHash, at, at);
    insertMembership.run(id, groupId, at);
    memberIds.push(id);
  }
})();
const insertActivity = sqlite.prepare(
  "insert into activities (id, chapter_id, group_id, title, description, starts_at, ends_at, area, capacity, languages, status, created_at, updated_at) values (?, ?, ?, ?, '', ?, ?, 'Sentrum', ?, 'nb', 'scheduled', ?, ?)",
);
let activityCount = 0;
/** Activities up to `total`: 70 the member sees in the coming weeks, the rest spread over a year and two chapters. */
function seedActivitiesUpTo(total: number) {
  sqlite.transaction(() => {
    for (; activityCount < total; activityCount++) {
      const mine = activityCount < 70;
      const start = mine
        ? 3_600_000 * (2 + activityCount * 8)
        : 3_600_000 * (1 + ((activityCount * 7919) % (24 * 365)));
      insertActivity.run(
        newId(),
        mine || activityCount % 2 ? chapterId : otherChapterId,
        activityCount % 3 === 0 ? groupId : null,
        `Aktivitet ${activityCount}`,
        iso(start),
        iso(start + 7_200_000),
        activityCount === 0 ? 500 : null,
        at,
        at,
      );
    }
  })();
}
seedActivitiesUpTo(70);
const firstActivity = sqlite.prepare("select id from activities order by starts_at, id limit 1").get() as {
  id: string;
};
const sessions = await Promise.all(
  memberIds.map((memberId) => createSession(opened.db, { memberId }, memberSessionPolicy(true))),
);
const cookieOf = (i: number) => sessions[i]!.cookie.split(";")[0]!;
const feed = await createFeedToken(opened.db, { memberId: memberIds[0]! });
await opened.db.destroy();

// --- start-up to the first /healthz 200
const started = performance.now();
const server = spawn(
  "node",
  [
    ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    "build/server.js",
  ],
  {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      DATABASE_PATH: dbFile,
      LOG_FORMAT: "silent",
      SECURE_COOKIES: "false",
      BENCH_ROUTES: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  },
);
const express = spawn(
  "node",
  ["-e", `require("express")().get("/", (q, s) => s.send("ok")).listen(${EXPRESS_PORT}, "127.0.0.1")`],
  { cwd: root, stdio: "ignore" },
);
try {
  await waitFor(`${base}/healthz`, server);
  const startup = performance.now() - started;
  await waitFor(`http://127.0.0.1:${EXPRESS_PORT}/`, express);

  print(
    `npm run bench — ${new Date().toISOString()}, ${os.cpus().length} CPUs, load ${os.loadavg().map(f2).join(" ")}`,
  );
  print("");
  print("| what | baseline (same run) | measured | ratio | goal |");
  print("| --- | --- | --- | --- | --- |");
  const member = { Cookie: cookieOf(0) };
  const hello = await rate(`${base}/bench/hello`, member);
  const list = await rate(`${base}/`, member);
  print(
    `| signed-in activity list (70 activities) | /bench/hello ${hello.toFixed(0)} req/s | ${list.toFixed(0)} req/s | **${f2(list / hello)}×** | ≥ 0.5× |`,
  );
  const page = await rate(`${base}/activities/${firstActivity.id}`, member);
  print(
    `| activity page | /bench/hello ${hello.toFixed(0)} req/s | ${page.toFixed(0)} req/s | **${f2(page / hello)}×** | ≥ 0.5× |`,
  );
  const expressHello = await rate(`http://127.0.0.1:${EXPRESS_PORT}/`);
  const healthz = await rate(`${base}/healthz`);
  print(
    `| /healthz | Express hello ${expressHello.toFixed(0)} req/s | ${healthz.toFixed(0)} req/s | **${f2(healthz / expressHello)}×** | ≥ 0.5× |`,
  );

  const sizes: Array<{ n: number; rate: number; rss: number }> = [];
  for (const n of [1_000, 10_000, 100_000]) {
    seedActivitiesUpTo(n);
    sizes.push({ n, rate: await rate(`${base}/`, member), rss: rssMiB(server.pid!) });
  }
  const [k1, k10, k100] = sizes as [(typeof sizes)[0], (typeof sizes)[0], (typeof sizes)[0]];
  print(
    `| list at 10,000 activities | 1,000: ${k1.rate.toFixed(0)} req/s | ${k10.rate.toFixed(0)} req/s | **${f2(k10.rate / k1.rate)}×** | ≥ 0.8× |`,
  );
  print(
    `| list at 100,000 activities | 1,000: ${k1.rate.toFixed(0)} req/s | ${k100.rate.toFixed(0)} req/s | **${f2(k100.rate / k1.rate)}×** | ≥ 0.8× |`,
  );
  print(
    `| RSS at 100,000 activities | 1,000: ${k1.rss.toFixed(0)} MiB | ${k100.rss.toFixed(0)} MiB | **${f2(k100.rss / k1.rss)}×** | ≤ 1.5× |`,
  );

  const helloJs = scriptBytes("routes/bench.hello", path.join(root, "public"));
  const landingJs = scriptBytes("routes/_index", path.join(root, "public"));
  print(
    `| client JS, signed-out landing | /bench/hello ${(helloJs.raw / 1024).toFixed(0)} KB raw, ${(helloJs.gzip / 1024).toFixed(0)} KB gzip, ${helloJs.scripts} scripts | ${(landingJs.raw / 1024).toFixed(0)} KB raw, ${(landingJs.gzip / 1024).toFixed(0)} KB gzip, ${landingJs.scripts} scripts | **${f2(landingJs.raw / helloJs.raw)}×** | ≤ 1.25× |`,
  );
  const perLanguage: string[] = [];
  for (const lang of ["nb", "en", "ar", "ur", "so"]) {
    const html = await (await fetch(`${base}/?lang=${lang}`)).text();
    perLanguage.push(`${lang} ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB`);
  }
  print(
    `| the reader's language (in the page, not in scripts): signed-out landing HTML | — | ${perLanguage.join(", ")} | — | one language |`,
  );

  setHashParamsForTests(PRODUCTION_HASH_PARAMS);
  await hashPassword("warm-up passphrase here");
  const hashTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await hashPassword("bench passphrase that is long");
    hashTimes.push(performance.now() - t);
  }
  print(
    `| join or sign-in, one hash (Argon2id m=19 MiB, t=2, p=1) | — | ${pct(hashTimes, 50).toFixed(0)} ms, 19 MiB | — | ≤ 200 ms, ≤ 32 MiB |`,
  );

  const getTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await (await fetch(`${base}/activities/${firstActivity.id}`, { headers: { ...ENCODING, ...member } })).text();
    getTimes.push(performance.now() - t);
  }
  const answerTimes = await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      const t = performance.now();
      const res = await fetch(`${base}/activities/${firstActivity.id}`, {
        method: "POST",
        redirect: "manual",
        headers: {
          ...ENCODING,
          Cookie: cookieOf(i + 1),
          Origin: base,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: "intent=going",
      });
      await res.arrayBuffer();
      if (res.status >= 400) throw new Error(`going: ${res.status}`);
      return performance.now() - t;
    }),
  );
  print(
    `| 200 parallel "going" answers | one GET of the page: p50 ${pct(getTimes, 50).toFixed(0)} ms | p50 ${pct(answerTimes, 50).toFixed(0)} ms, p99 ${pct(answerTimes, 99).toFixed(0)} ms | p50 **${f2(pct(answerTimes, 50) / pct(getTimes, 50))}×** | — |`,
  );

  const feedUrl = `${base}/calendar/${feed.token}.ics`;
  await (await fetch(feedUrl)).text();
  const feedTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await (await fetch(feedUrl, { headers: ENCODING })).text();
    feedTimes.push(performance.now() - t);
  }
  const healthTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await (await fetch(`${base}/healthz`)).text();
    healthTimes.push(performance.now() - t);
  }
  print(
    `| cached feed answer at 100,000 activities (median of 20) | /healthz ${pct(healthTimes, 50).toFixed(1)} ms | ${pct(feedTimes, 50).toFixed(1)} ms | ${f2(pct(feedTimes, 50) / pct(healthTimes, 50))}× | — |`,
  );
  print(`| start-up to first /healthz 200 (node build/server.js) | — | ${startup.toFixed(0)} ms | — | ≤ 800 ms |`);
} finally {
  server.kill("SIGTERM");
  express.kill("SIGTERM");
  sqlite.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
  fs.rmSync(dir, { recursive: true, force: true });
}
