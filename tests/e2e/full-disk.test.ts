// A full disk through the real HTTP app and production build, in this process: the database file
// may not grow (PRAGMA max_page_count), so saving an answer fails with SQLITE_FULL.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp, serverHooksOf } from "../../server/app";
import { resetWriteHealth } from "../../db/write-health";
import { createSession, SESSION_POLICY, sessionCookieName } from "~/features/sessions/sessions.server";
import { LOCALES } from "~/i18n/config";
import { tFor } from "~/i18n/catalogs.server";
import { useDatabase } from "~/platform/db.server";
import { createActivity, createChapter, createGroup, createMember } from "../factories";
import { createTestDatabase, type TestDatabase } from "../setup/db";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let database: TestDatabase;
let server: Server;
let baseUrl: string;
const logLines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ file: true });
  useDatabase(database);
  resetWriteHealth();
  const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  // The routes log through the build's own logger (one copy per process in production).
  const { setLogSink, setLogSilent } = serverHooksOf(build);
  setLogSink((line) => logLines.push(line));
  setLogSilent(false);
  server = createApp({ build, publicDir: path.join(root, "public"), hsts: false, trustProxy: 0 }).listen(
    0,
    "127.0.0.1",
  );
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  useDatabase(undefined);
  await database?.close();
});

/** The answers table can take no more rows: its last page is full and no page may be added. */
async function fillTheDisk(chapterId: string) {
  const { db, sqlite } = database;
  const filler = await createMember(db, { chapter_id: chapterId });
  const activities = await Promise.all(
    Array.from({ length: 400 }, () => createActivity(db, { chapter_id: chapterId })),
  );
  sqlite.pragma(`max_page_count = ${sqlite.pragma("page_count", { simple: true }) as number}`);
  const insert = sqlite.prepare(
    "insert into rsvps (id, activity_id, member_id, status, arrival, created_at, updated_at) values (?, ?, ?, 'not_going', 1, ?, ?)",
  );
  let failuresInARow = 0;
  for (const activity of activities) {
    try {
      insert.run(crypto.randomUUID(), activity.id, filler.id, activity.created_at, activity.created_at);
      failuresInARow = 0;
    } catch {
      if (++failuresInARow === 5) return;
    }
  }
  throw new Error("the disk never filled up");
}

function post(url: string, cookie: string, language: string) {
  return fetch(url, {
    method: "POST",
    headers: { Cookie: cookie, "Accept-Language": language, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "going" }),
    redirect: "manual",
  });
}

describe("a full disk", () => {
  test("answers 503 with a calm page in the person's language, logs the real error, and /healthz sees it until a write is saved", async () => {
    const { db, sqlite } = database;
    const chapter = await createChapter(db);
    const group = await createGroup(db, { chapter_id: chapter.id });
    const member = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] });
    const activity = await createActivity(db, { chapter_id: chapter.id, group_id: group.id });
    const { token } = await createSession(db, { memberId: member.id }, SESSION_POLICY.memberOwnDevice);
    const cookie = `${sessionCookieName()}=${token}`;
    const url = `${baseUrl}/activities/${activity.id}`;
    expect((await fetch(baseUrl + "/healthz")).status).toBe(200);
    await fillTheDisk(chapter.id);
    logLines.length = 0;

    for (const language of LOCALES) {
      const response = await post(url, cookie, language);
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toContain(tFor(language)("errors.notSavedTitle"));
      expect(html).toContain(tFor(language)("errors.notSavedBody"));
    }
    expect(await db.selectFrom("rsvps").select("id").where("activity_id", "=", activity.id).execute()).toEqual([]);

    const events = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.filter((e) => e.event === "storage_failure")).toHaveLength(LOCALES.length);
    expect(events.find((e) => e.event === "storage_failure")).toMatchObject({
      code: "SQLITE_FULL",
      message: "database or disk is full",
    });
    expect(logLines.join("\n")).not.toMatch(/cannot rollback|no transaction is active|\bat .*\.js:\d+/);
    const health = await fetch(baseUrl + "/healthz");
    expect(health.status).toBe(503);

    sqlite.pragma("max_page_count = 1073741823");
    const saved = await post(url, cookie, "nb");
    expect(saved.status).toBe(303);
    expect((await fetch(baseUrl + "/healthz")).status).toBe(200);
  });
});
