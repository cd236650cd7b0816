// The sweep: the production server process, fed every route with every method, odd cookies, odd
// paths, odd headers and hostile values in every field of every form, signed out, as a member and
// as staff. Nothing may answer 5xx, and no log line (stdout or stderr) may hold a secret this file
// knows or a stack trace.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { openDatabase } from "../../db/connection";
import { createSession, SESSION_POLICY } from "~/features/sessions/sessions.server";
import { createFeedToken } from "~/features/calendar/feed-tokens.server";
import { HOSTILE_BODIES, HOSTILE_VALUES, ODD_HEADERS } from "./hostile-inputs";
import { rawRequest, type RawResponse } from "./raw-http";
import { startApp, type RunningApp } from "./support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ROUTE_FILES = fs.readdirSync(path.join(root, "app/routes")).filter((f) => /\.(ts|tsx)$/.test(f));
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"];
const ROLES = ["signedOut", "member", "staff"] as const;
type Role = (typeof ROLES)[number];

let app: RunningApp;
/** every secret this file handles: none may reach the log */
const secrets = new Set<string>(["demo-member-pass", "demo-admin-pass", "demo-coordinator-pass", "JBSWY3DPEHPK3PXP"]);
for (let i = 1; i <= 5; i++) for (const chapter of ["OSLO", "BERGEN"]) secrets.add(`DEMO-${chapter}-000${i}`);
/** what answered 5xx (or did not answer): the test's verdict, with every case in one list */
const failures: string[] = [];
let ids: Record<string, string>;
let requestCount = 0;
let clientNumber = 0;

beforeAll(async () => {
  // TRUST_PROXY=1: each request names another client address, so rate limits do not end the sweep early.
  app = await startApp({ seed: true, env: { TRUST_PROXY: "1" } });
  const { db } = openDatabase(app.databasePath);
  try {
    const member = await db
      .selectFrom("members")
      .select(["id", "chapter_id"])
      .where("pseudonym", "=", "Solsikke")
      .executeTakeFirstOrThrow();
    const activity = await db
      .selectFrom("activities")
      .innerJoin("group_memberships", "group_memberships.group_id", "activities.group_id")
      .select("activities.id")
      .where("group_memberships.member_id", "=", member.id)
      .where("activities.ends_at", ">", new Date().toISOString())
      .executeTakeFirstOrThrow();
    const group = await db
      .selectFrom("group_memberships")
      .select("group_id")
      .where("member_id", "=", member.id)
      .executeTakeFirstOrThrow();
    const token = (await createFeedToken(db, { memberId: member.id })).token;
    secrets.add(token);
    ids = {
      activityId: activity.id,
      chapterId: member.chapter_id!,
      groupId: group.group_id,
      token,
      memberId: member.id,
    };
  } finally {
    await db.destroy();
  }
});
afterAll(async () => {
  await app?.stop();
});

/** A fresh session for the role, made in the database: a sweep request may well end it. */
async function cookieFor(role: Role): Promise<string | undefined> {
  if (role === "signedOut") return undefined;
  const { db } = openDatabase(app.databasePath);
  try {
    let token: string;
    if (role === "member") {
      // Solsikke, or, once a swept form has deleted her account, another member of her group.
      const member = await db
        .selectFrom("group_memberships")
        .innerJoin("members", "members.id", "group_memberships.member_id")
        .select("members.id")
        .where("group_memberships.group_id", "=", ids.groupId!)
        .where("members.deactivated_at", "is", null)
        .orderBy(sql`members.id = ${ids.memberId}`, "desc")
        .executeTakeFirstOrThrow();
      token = (await createSession(db, { memberId: member.id }, SESSION_POLICY.memberSharedDevice)).token;
    } else {
      const admin = await db
        .selectFrom("staff_users")
        .select("id")
        .where("role", "=", "admin")
        .executeTakeFirstOrThrow();
      const session = await createSession(db, { staffId: admin.id }, SESSION_POLICY.staff);
      await db
        .updateTable("sessions")
        .set({ second_factor_at: new Date().toISOString() })
        .where("id", "=", session.sessionId)
        .execute();
      token = session.token;
    }
    secrets.add(token);
    return `__Host-session=${token}`;
  } finally {
    await db.destroy();
  }
}

/** A route file's URL with concrete ids: `staff.chapters.$chapterId.invites.tsx` → /staff/chapters/<id>/invites. */
function pathOf(file: string): string {
  const segments: string[] = [];
  let current = "";
  let escaped = false;
  for (const ch of file.replace(/\.(tsx|ts)$/, "")) {
    if (ch === "[" || ch === "]") escaped = ch === "[";
    else if (ch === "." && !escaped) {
      segments.push(current);
      current = "";
    } else current += ch;
  }
  segments.push(current);
  const parts = segments
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) =>
      s === "$" ? "no/such/page" : s.replace(/^\$(\w+)/, (_, name: string) => ids[name] ?? `missing-${name}`),
    );
  return "/" + parts.join("/");
}

interface Sent {
  method?: string;
  path: string;
  headers?: Array<[string, string]>;
  body?: string | Buffer;
  cookie?: string;
}

/** Sends one request; anything 5xx (or no answer at all) is written down as a failure. */
async function probe(what: string, request: Sent): Promise<RawResponse | undefined> {
  requestCount++;
  const headers: Array<[string, string]> = [
    ["Sec-Fetch-Site", "same-origin"],
    ["X-Forwarded-For", `10.${(clientNumber >> 16) & 255}.${(clientNumber >> 8) & 255}.${clientNumber++ & 255}`],
    ...(request.cookie ? ([["Cookie", request.cookie]] as Array<[string, string]>) : []),
    ...(request.body !== undefined && !request.headers?.some(([n]) => n.toLowerCase() === "content-type")
      ? ([["Content-Type", "application/x-www-form-urlencoded"]] as Array<[string, string]>)
      : []),
    ...(request.headers ?? []),
  ];
  try {
    const response = await rawRequest(app.baseUrl, {
      method: request.method ?? "GET",
      path: request.path,
      headers,
      body: request.body,
    });
    if (response.status >= 500)
      failures.push(`${response.status} ${what}: ${request.method ?? "GET"} ${request.path.slice(0, 120)}`);
    return response;
  } catch (error) {
    failures.push(
      `no answer ${what}: ${request.method ?? "GET"} ${request.path.slice(0, 120)} (${(error as Error).message})`,
    );
    return undefined;
  }
}

function expectNoFailures() {
  expect(failures, `${failures.length} of ${requestCount} requests failed`).toEqual([]);
}

describe("the sweep", () => {
  test("every route file × GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, TRACE, signed out, as a member and as staff: no 5xx", async () => {
    expect(ROUTE_FILES.length).toBeGreaterThan(30);
    for (const file of ROUTE_FILES) {
      for (const role of ROLES) {
        const cookie = await cookieFor(role);
        for (const method of METHODS) {
          const body = ["GET", "HEAD", "OPTIONS", "TRACE"].includes(method) ? undefined : "intent=sweep";
          await probe(`${file} as ${role}`, { method, path: pathOf(file), cookie, body });
        }
        // The single-fetch data request of the same URL.
        const pathname = pathOf(file);
        await probe(`${file} as ${role} (.data)`, {
          path: pathname === "/" ? "/_root.data" : `${pathname}.data`,
          cookie,
        });
      }
    }
    expectNoFailures();
  }, 600_000);

  test("odd cookies on every page and data request: no 5xx", async () => {
    const oddCookies = [
      "lang=%",
      "session=%",
      "__Host-session=%E0%A4%A",
      "__Host-session=%; __Host-session=%ZZ",
      "lang=\xff\xfe; __Host-session=\xc3\x28",
      "lang=ar; lang=%; lang=",
      `lang=${"%".repeat(4000)}`,
      ";;;==;",
      "__proto__=%; constructor=%",
    ];
    for (const file of ROUTE_FILES) {
      const pathname = pathOf(file);
      for (const cookie of oddCookies) {
        await probe(`${file} with Cookie: ${cookie.slice(0, 40)}`, { path: pathname, cookie });
        await probe(`${file}.data with Cookie: ${cookie.slice(0, 40)}`, {
          path: pathname === "/" ? "/_root.data" : `${pathname}.data`,
          cookie,
        });
        await probe(`${file} POST with Cookie: ${cookie.slice(0, 40)}`, {
          method: "POST",
          path: pathname,
          cookie,
          body: "intent=sweep",
        });
      }
      const member = await cookieFor("member");
      await probe(`${file} with a good session after a broken one`, {
        path: pathname,
        cookie: `lang=%; session=%; ${member}`,
      });
    }
    expectNoFailures();
  }, 600_000);

  test("odd paths and query strings: no 5xx, and nothing outside public/ is served", async () => {
    const paths = [
      "/%09/a/%2e%2e",
      `/calendar/${ids.token}.ics%`,
      `/calendar/${ids.token}%2f..%2f.ics`,
      `/calendar/..%2f${ids.token}.ics`,
      `http://evil.example/calendar/${ids.token}.ics`,
      "/%00",
      "/..%2f..%2fetc/passwd",
      "/../../etc/passwd",
      "/build/../package.json",
      "/build/%2e%2e/package.json",
      "/build/..%2fpackage.json",
      "/%2e%2e/%2e%2e/package.json",
      "/.env",
      "/.git/config",
      "/favicon.svg%00.html",
      "//",
      "///evil.example",
      "/\\evil.example",
      "/./././",
      "/a;b=c",
      "/%",
      "/%%",
      "/%E0%A4%A",
      "/%C0%AF",
      "/ä",
      "/%F0%9F%8F%83",
      "/" + "a/".repeat(2000),
      "/" + "x".repeat(8000),
      "/?" + "a=1&".repeat(3000),
      "/?" + "q=" + "%".repeat(8000),
      "/?lang=%",
      "/?lang[]=ar&lang=en",
      "/?lang=ar&lang=ur",
      "/login?redirectTo=%ZZ",
      "/login?redirectTo=//evil.example",
      "/login?redirectTo=%2F%E3%80%80%2Fevil.example",
      "/staff/login/totp?redirectTo=%00",
      "/activities/%ff",
      "/activities/'%20OR%201=1--",
      `/activities/${ids.activityId}%00`,
      `/activities/${ids.activityId}/calendar.ics?x=%`,
      "/staff/chapters/..%2f..%2f/invites",
      "/me/data?format=../../etc/passwd",
      "/manifest.webmanifest?%",
      "/healthz/%2e%2e",
      "/HEALTHZ",
      "/Exit",
      "/exit/",
      "/exit?%",
      "*",
      "http://evil.example/",
      "/_root.data?_routes=%ZZ",
      "/me.data?_routes=root,routes/me,../../x",
      "/.data",
      "/..data",
    ];
    for (const role of ROLES) {
      const cookie = await cookieFor(role);
      for (const pathname of paths) {
        const response = await probe(`odd path as ${role}`, { path: pathname, cookie });
        if (response?.status === 200 && response.body.includes('"name": "moteplass"'))
          failures.push(`package.json served for ${pathname}`);
        if (response?.body.includes("root:x:0:0")) failures.push(`/etc/passwd served for ${pathname}`);
        await probe(`odd path as ${role} (POST)`, { method: "POST", path: pathname, cookie, body: "intent=sweep" });
      }
    }
    expectNoFailures();
  }, 600_000);

  test("odd headers on a page, a member's page, a form and the quick exit: no 5xx", async () => {
    for (const [what, headers] of ODD_HEADERS) {
      const member = await cookieFor("member");
      const withCookie = (extra: Array<[string, string]>) => {
        const cookies = extra.filter(([n]) => n === "Cookie").map(([, v]) => v);
        return [...extra.filter(([n]) => n !== "Cookie"), ["Cookie", [...cookies, member].join("; ")]] as Array<
          [string, string]
        >;
      };
      await probe(`GET / with ${what}`, { path: "/", headers });
      await probe(`GET /me with ${what}`, { path: "/me", headers: withCookie(headers) });
      await probe(`GET /me.data with ${what}`, { path: "/me.data", headers: withCookie(headers) });
      await probe(`GET /activities/<id> with ${what}`, {
        path: `/activities/${ids.activityId}`,
        headers: withCookie(headers),
      });
      await probe(`POST /login with ${what}`, {
        method: "POST",
        path: "/login",
        headers,
        body: "pseudonym=Solsikke&passphrase=wrong+one",
      });
      await probe(`POST /language with ${what}`, { method: "POST", path: "/language", headers, body: "lang=en" });
      await probe(`GET /exit with ${what}`, { path: "/exit", headers: withCookie(headers) });
      await probe(`POST /exit with ${what}`, { method: "POST", path: "/exit", headers });
      await probe(`POST /logout with ${what}`, {
        method: "POST",
        path: "/logout",
        headers: withCookie(headers),
        body: "",
      });
    }
    expectNoFailures();
  }, 600_000);
});

interface FoundForm {
  action: string;
  role: Role;
  fields: Array<[string, string]>;
}

/** Every POST form on every page, as the role that sees it, with the values the page fills in. */
async function findForms(): Promise<FoundForm[]> {
  const found = new Map<string, FoundForm>();
  const staffPending = async () => {
    const { db } = openDatabase(app.databasePath);
    try {
      const admin = await db
        .selectFrom("staff_users")
        .select("id")
        .where("role", "=", "admin")
        .executeTakeFirstOrThrow();
      const { token } = await createSession(db, { staffId: admin.id }, SESSION_POLICY.staff);
      secrets.add(token);
      return `__Host-session=${token}`;
    } finally {
      await db.destroy();
    }
  };
  for (const file of ROUTE_FILES) {
    for (const role of ROLES) {
      const pathname = pathOf(file);
      const cookie =
        file.startsWith("staff.login.totp") && role === "staff" ? await staffPending() : await cookieFor(role);
      const response = await probe(`${file} as ${role} (finding forms)`, { path: pathname, cookie });
      if (response?.status !== 200 || !/text\/html/.test(response.headers["content-type"] ?? "")) continue;
      for (const match of response.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
        const [attributes = "", inner = ""] = [match[1], match[2]];
        if (!/method="post"/i.test(attributes)) continue;
        const action = decodeEntities(/action="([^"]*)"/.exec(attributes)?.[1] ?? pathname);
        const fields: Array<[string, string]> = [];
        for (const input of inner.matchAll(/<(input|textarea|select|button)\b([^>]*)>/g)) {
          const name = /\bname="([^"]*)"/.exec(input[2]!)?.[1];
          if (!name) continue;
          const value = /\bvalue="([^"]*)"/.exec(input[2]!)?.[1] ?? (input[1] === "select" ? "" : "on");
          if (input[1] === "button" && fields.some(([n]) => n === name)) continue;
          fields.push([decodeEntities(name), decodeEntities(value)]);
        }
        const key = `${role} ${action} ${fields.map(([n]) => n).join(",")}`;
        if (!found.has(key)) found.set(key, { action, role, fields });
      }
    }
  }
  return [...found.values()];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

const encode = (fields: Array<[string, string]>) =>
  fields.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join("&");

describe("hostile values in every field of every form", () => {
  test("at least 33 values, in each field alone and in all fields at once, signed out, as a member and as staff: no 5xx", async () => {
    expect(HOSTILE_VALUES.length).toBeGreaterThanOrEqual(33);
    const forms = await findForms();
    const actions = new Set(forms.map((f) => f.action.split("?")[0]));
    for (const expected of [
      "/join",
      "/login",
      "/reset",
      "/staff/login",
      "/staff/login/totp",
      `/activities/${ids.activityId}`,
      "/me",
      "/language",
      "/logout",
    ]) {
      expect([...actions], `a form posting to ${expected}`).toContain(expected);
    }
    for (const form of forms) {
      // Signing in, joining and resetting hash a passphrase (a large share of a second each):
      // all fields at once there; one field at a time everywhere else.
      const slow =
        /^\/(join|login|reset|staff\/login)/.test(form.action) ||
        form.fields.some(([n]) => /passphrase|password/i.test(n));
      for (const [what, value] of HOSTILE_VALUES) {
        const cookie = form.action.startsWith("/staff/login/totp") ? undefined : await cookieFor(form.role);
        const variants = slow
          ? [form.fields.map(([n]) => [n, value] as [string, string])]
          : form.fields.map((_, i) => form.fields.map(([n, v], j) => [n, i === j ? value : v] as [string, string]));
        for (const fields of variants) {
          await probe(`${what} in ${form.action} as ${form.role}`, {
            method: "POST",
            path: form.action,
            cookie,
            body: encode(fields),
          });
        }
      }
      const cookie = await cookieFor(form.role);
      for (const [what, raw] of HOSTILE_BODIES) {
        for (const [name] of form.fields.slice(0, 3)) {
          await probe(`${what} (${name}) in ${form.action}`, {
            method: "POST",
            path: form.action,
            cookie,
            body: `${encode(form.fields)}&${raw.replaceAll("DUP", encodeURIComponent(name))}`,
          });
        }
      }
      // Bytes that are not UTF-8 at all, and the same form as multipart and as JSON.
      await probe(`raw non-UTF-8 bytes in ${form.action}`, {
        method: "POST",
        path: form.action,
        cookie,
        body: Buffer.concat([
          Buffer.from(`${encode(form.fields)}&${form.fields[0]?.[0] ?? "x"}=`),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x00]),
        ]),
      });
      const boundary = "----sweep";
      const multipart =
        form.fields
          .map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`)
          .join("") + `--${boundary}--\r\n`;
      await probe(`multipart ${form.action}`, {
        method: "POST",
        path: form.action,
        cookie,
        body: multipart,
        headers: [["Content-Type", `multipart/form-data; boundary=${boundary}`]],
      });
      await probe(`broken multipart ${form.action}`, {
        method: "POST",
        path: form.action,
        cookie,
        body: `--${boundary}\r\nContent-Disposition: form-data; name="x`,
        headers: [["Content-Type", `multipart/form-data; boundary=${boundary}`]],
      });
      await probe(`JSON ${form.action}`, {
        method: "POST",
        path: form.action,
        cookie,
        body: JSON.stringify(Object.fromEntries(form.fields)),
        headers: [["Content-Type", "application/json"]],
      });
    }
    expectNoFailures();
  }, 900_000);
});

describe("hostile redirect targets after a successful sign-in", () => {
  test("every hostile value as redirectTo, with the right passphrase: no 5xx", async () => {
    const { db } = openDatabase(app.databasePath);
    let pseudonyms: string[];
    try {
      pseudonyms = (
        await db.selectFrom("members").select("pseudonym").where("deactivated_at", "is", null).execute()
      ).map((m) => m.pseudonym);
    } finally {
      await db.destroy();
    }
    // Spread over the demo members, so no account reaches its sign-in limit.
    for (const [index, [what, value]] of HOSTILE_VALUES.entries()) {
      const pseudonym = pseudonyms[index % pseudonyms.length]!;
      // The sign-in form posts to /login?redirectTo=…; a forged post may carry it in the body too.
      const body = encode([
        ["pseudonym", pseudonym],
        ["passphrase", "demo-member-pass"],
        ["redirectTo", value],
      ]);
      const action = `/login?redirectTo=${encodeURIComponent(value.slice(0, 2000))}`;
      const response = await probe(`${what} as redirectTo after signing in`, { method: "POST", path: action, body });
      for (const setCookie of response?.setCookies ?? []) {
        const token = /^__Host-session=([^;]+)/.exec(setCookie)?.[1];
        if (token) secrets.add(token);
      }
    }
    expectNoFailures();
  }, 300_000);
});

describe("after the sweep, the log", () => {
  test("holds no secret this file knows and no stack trace, on stdout or stderr", async () => {
    expect(requestCount).toBeGreaterThan(1000);
    await vi.waitFor(() =>
      expect(app.logs.filter((l) => l.event === "request").length).toBeGreaterThan(requestCount * 0.9),
    );
    const lines = [...app.logs.map((line) => JSON.stringify(line)), ...app.stderr];
    const leaks = lines.filter((line) => [...secrets].some((secret) => line.includes(secret)));
    expect(leaks.map((l) => l.slice(0, 300))).toEqual([]);
    expect(lines.filter((line) => /^\s+at |\bat .+:\d+:\d+\)?$/.test(line)).map((l) => l.slice(0, 300))).toEqual([]);
    expect(app.stderr.map((l) => l.slice(0, 300))).toEqual([]);
    expect(app.logs.filter((l) => l.event === "unparsed").map((l) => String(l.line).slice(0, 300))).toEqual([]);
  });
});
