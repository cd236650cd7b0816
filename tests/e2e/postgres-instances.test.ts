// Two production server processes on one PostgreSQL database, as behind a load balancer: the
// guarantees SQLite gives inside one process hold across processes (decision 036, 037).
// Both run the scheduler, so a reminder due while both run is made (and pushed) once.
import { createActivity, createChapter, createGroup, createMember } from "../factories";
import { openPostgresDatabase, type AppDatabase } from "../../db/connection";
import { createFeedToken } from "~/features/calendar/feed-tokens.server";
import { createInvites } from "~/features/members/invites.server";
import { createSession, SESSION_POLICY } from "~/features/sessions/sessions.server";
import { setHashParamsForTests } from "~/platform/password.server";
import { adminQuery, startPostgresServer, type PostgresServer } from "../support/postgres-server";
import { startApp, type RunningApp } from "./support";

let server: PostgresServer;
let apps: RunningApp[] = [];
let db: AppDatabase;
let databaseUrl: string;

// The members made here need a passphrase hash, not a costly one (the servers keep their own).
setHashParamsForTests({ memoryCost: 256, timeCost: 1, parallelism: 1 });
vi.setConfig({ testTimeout: 180_000 });

beforeAll(async () => {
  server = await startPostgresServer({ durable: true });
  await adminQuery(
    server.adminUrl,
    "drop database if exists moteplass_instances",
    "create database moteplass_instances",
  );
  databaseUrl = server.urlOf("moteplass_instances");
  // Both migrate at start-up, at the same time: the migrator's lock lets one do it.
  apps = await Promise.all(
    [0, 1].map(() =>
      startApp({
        databaseUrl,
        // No quiet hours: the reminder test must not depend on the time of day it runs at.
        env: { TRUST_PROXY: "1", DATABASE_POOL_SIZE: "10", QUIET_HOURS: "0-0" },
      }),
    ),
  );
  db = openPostgresDatabase(databaseUrl, { poolSize: 5 }).db;
});

afterAll(async () => {
  await db?.destroy();
  await Promise.all(apps.map((a) => a.stop()));
  await server?.stop();
});

const SESSION_COOKIE = "__Host-session";
const sameOrigin = (app: RunningApp) => ({ "Sec-Fetch-Site": "same-origin", Origin: app.baseUrl });

async function memberCookie(memberId: string) {
  const { token } = await createSession(db, { memberId }, SESSION_POLICY.memberSharedDevice);
  return `${SESSION_COOKIE}=${token}`;
}

function answerGoing(app: RunningApp, activityId: string, cookie: string) {
  return fetch(`${app.baseUrl}/activities/${activityId}`, {
    method: "POST",
    redirect: "manual",
    headers: { ...sameOrigin(app), Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "going", note: "" }),
  });
}

test("200 parallel 'going' answers through two instances fill 20 places and waitlist 180 in arrival order", async () => {
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id, join_policy: "open" });
  const activity = await createActivity(db, { chapter_id: chapter.id, group_id: group.id, capacity: 20 });
  const members = [];
  for (let i = 0; i < 200; i++) members.push(await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] }));
  const cookies = await Promise.all(members.map((m) => memberCookie(m.id)));

  const responses = await Promise.all(cookies.map((cookie, i) => answerGoing(apps[i % 2]!, activity.id, cookie)));

  expect(responses.map((r) => r.status)).toEqual(Array(200).fill(303));
  const rows = await db
    .selectFrom("rsvps")
    .select(["status", "arrival"])
    .where("activity_id", "=", activity.id)
    .orderBy("arrival")
    .execute();
  expect(rows.map((r) => r.arrival)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  expect(rows.filter((r) => r.status === "going")).toHaveLength(20);
  // In arrival order: the first 20 to arrive hold the places, everyone after waits.
  expect(rows.slice(0, 20).every((r) => r.status === "going")).toBe(true);
  expect(rows.slice(20).every((r) => r.status === "waitlisted")).toBe(true);
  for (const app of apps) expect(app.logs.filter((l) => l.event === "error" || l.event === "server_error")).toEqual([]);
});

test("20 parallel redemptions of one invite through two instances make exactly one member", async () => {
  const chapter = await createChapter(db);
  const [invite] = await createInvites(db, {
    chapterId: chapter.id,
    groupIds: [],
    expiresAt: new Date(Date.now() + 86_400_000),
    count: 1,
    createdByStaffId: null,
  });
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) => {
      const app = apps[i % 2]!;
      return fetch(`${app.baseUrl}/join`, {
        method: "POST",
        redirect: "manual",
        headers: {
          ...sameOrigin(app),
          "Content-Type": "application/x-www-form-urlencoded",
          // A different client each, so the join rate limit (per address) is not what stops them.
          "X-Forwarded-For": `198.51.100.${i + 1}`,
        },
        body: new URLSearchParams({
          code: invite!.code,
          pseudonym: `Samtidig ${String.fromCharCode(65 + i)}`,
          passphrase: "fjell og fjord og lange lyse netter",
        }),
      });
    }),
  );
  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  const made = await db.selectFrom("members").select("pseudonym").where("chapter_id", "=", chapter.id).execute();
  expect(made).toHaveLength(1);
  // Everyone else was told the code cannot be used (400), not that something broke.
  expect(statuses.filter((s) => s === 400)).toHaveLength(19);
});

test("a change made through one instance shows at once in the feed the other serves", async () => {
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id });
  const member = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] });
  const activity = await createActivity(db, {
    chapter_id: chapter.id,
    group_id: group.id,
    title: "Kveldstur langs elva",
    capacity: null,
  });
  const { token } = await createFeedToken(db, { memberId: member.id });
  const [a, b] = apps as [RunningApp, RunningApp];
  const feed = () =>
    fetch(`${b.baseUrl}/calendar/${token}.ics`).then(async (r) => ({ status: r.status, text: await r.text() }));

  // Asked twice, so instance b has remembered this feed's version before the change.
  for (let i = 0; i < 2; i++) {
    const before = await feed();
    expect(before.status).toBe(200);
    expect(before.text).not.toContain("Kveldstur langs elva");
  }
  expect((await answerGoing(a, activity.id, await memberCookie(member.id))).status).toBe(303);

  const after = await feed();
  expect(after.status).toBe(200);
  expect(after.text).toContain("Kveldstur langs elva");
});

test("a reminder due while both instances run is made once, with one push", async () => {
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id, join_policy: "open" });
  // Starts in 23 hours: the day-before reminder (every member's default) is due now.
  const activity = await createActivity(db, {
    chapter_id: chapter.id,
    group_id: group.id,
    starts_at: new Date(Date.now() + 23 * 60 * 60 * 1000).toISOString(),
    ends_at: new Date(Date.now() + 25 * 60 * 60 * 1000).toISOString(),
  });
  const member = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] });
  expect((await answerGoing(apps[0]!, activity.id, await memberCookie(member.id))).status).toBe(303);
  const reminders = () =>
    db.selectFrom("notices").select("id").where("member_id", "=", member.id).where("kind", "=", "reminder").execute();
  // Each instance runs the minute's reminder job when it is due; one of them gets each minute.
  await vi.waitFor(async () => expect(await reminders()).toHaveLength(1), { timeout: 100_000, interval: 1000 });
  // Another minute's run on either instance finds it already sent.
  await new Promise((resolve) => setTimeout(resolve, 65_000));
  const notices = await reminders();
  expect(notices).toHaveLength(1);
  const sends = await db.selectFrom("reminder_sends").selectAll().where("activity_id", "=", activity.id).execute();
  expect(sends).toHaveLength(1);
  const pushes = await db.selectFrom("jobs").select("payload").where("kind", "=", "push").execute();
  expect(pushes.filter((job) => JSON.parse(job.payload).noticeId === notices[0]!.id)).toHaveLength(1);
});

test("kill -9 in the middle of answers loses no answer that was acknowledged", async () => {
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id });
  const activity = await createActivity(db, { chapter_id: chapter.id, group_id: group.id, capacity: null });
  const acknowledged: string[] = [];
  for (let round = 0; round < 5; round++) {
    const app = apps[0]!;
    const members = [];
    for (let i = 0; i < 30; i++) members.push(await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] }));
    const cookies = await Promise.all(members.map((m) => memberCookie(m.id)));
    let firstAcknowledged!: () => void;
    const oneAcknowledged = new Promise<void>((resolve) => (firstAcknowledged = resolve));
    const answers = members.map((m, i) =>
      answerGoing(app, activity.id, cookies[i]!).then(
        (r) => {
          if (r.status === 303) {
            acknowledged.push(m.id);
            firstAcknowledged();
          }
        },
        () => undefined, // the connection died with the process: not acknowledged
      ),
    );
    // Killed while answers are on their way: some acknowledged, the rest cut off mid-flight.
    await oneAcknowledged;
    await new Promise((resolve) => setTimeout(resolve, round * 5));
    await app.kill();
    await Promise.all(answers);
    apps[0] = await startApp({ databaseUrl, env: { TRUST_PROXY: "1" } });
  }
  const saved = new Set(
    (await db.selectFrom("rsvps").select("member_id").where("activity_id", "=", activity.id).execute()).map(
      (r) => r.member_id,
    ),
  );
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(acknowledged.filter((id) => !saved.has(id))).toEqual([]);
});
