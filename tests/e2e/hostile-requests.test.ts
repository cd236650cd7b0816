// The production server process, fed what no browser should send: malformed cookies and headers,
// odd methods and paths, bodies too large. Nothing may break the quick exit, answer 5xx, or put a
// secret or a stack trace in the log.
import { openDatabase } from "../../db/connection";
import { DEMO_TOTP_SECRET } from "../../scripts/demo-data";
import { hashSecret } from "~/platform/secrets.server";
import { createSession, SESSION_POLICY } from "~/features/sessions/sessions.server";
import { currentTotpCode } from "~/platform/totp.server";
import { createFeedToken } from "~/features/calendar/feed-tokens.server";
import { ODD_HEADERS } from "./hostile-inputs";
import { rawRequest, type RawResponse } from "./raw-http";
import { startApp, type RunningApp } from "./support";

const PASSPHRASE = "demo-member-pass";
const NEUTRAL = "https://www.yr.no";
let app: RunningApp;
const secrets = new Set<string>([PASSPHRASE, "demo-coordinator-pass"]);

beforeAll(async () => {
  app = await startApp({ seed: true });
});
afterAll(async () => {
  await app?.stop();
});

const sameOrigin = (): Array<[string, string]> => [
  ["Sec-Fetch-Site", "same-origin"],
  ["Origin", app.baseUrl],
];
const formType: [string, string] = ["Content-Type", "application/x-www-form-urlencoded"];

function send(method: string, path: string, headers: Array<[string, string]> = [], body?: string) {
  return rawRequest(app.baseUrl, { method, path, headers, body });
}

/** A member's session, made in the database (signing in by form so often would hit the rate limit). */
async function signIn(pseudonym = "Solsikke"): Promise<string> {
  const { db } = openDatabase(app.databasePath);
  try {
    const member = await db
      .selectFrom("members")
      .select("id")
      .where("pseudonym", "=", pseudonym)
      .executeTakeFirstOrThrow();
    const { token } = await createSession(db, { memberId: member.id }, SESSION_POLICY.memberSharedDevice);
    secrets.add(token);
    return token;
  } finally {
    await db.destroy();
  }
}

async function signInStaff(email: string, password: string): Promise<string> {
  secrets.add(password);
  const first = await send(
    "POST",
    "/staff/login",
    [...sameOrigin(), formType],
    new URLSearchParams({ email, password }).toString(),
  );
  expect(first.status).toBe(303);
  const pending = /^__Host-session=([^;]+)/.exec(first.setCookies[0] ?? "")![1]!;
  secrets.add(pending);
  const code = currentTotpCode(DEMO_TOTP_SECRET);
  const second = await send(
    "POST",
    "/staff/login/totp",
    [...sameOrigin(), formType, ["Cookie", `__Host-session=${pending}`]],
    new URLSearchParams({ code }).toString(),
  );
  expect(second.status).toBe(303);
  const token =
    /^__Host-session=([^;]+)/.exec(second.setCookies.find((c) => c.startsWith("__Host-session=")) ?? "")?.[1] ??
    pending;
  secrets.add(token);
  return token;
}

async function sessionExists(token: string): Promise<boolean> {
  const { db } = openDatabase(app.databasePath);
  try {
    return (
      (await db.selectFrom("sessions").select("id").where("id_hash", "=", hashSecret(token)).executeTakeFirst()) !==
      undefined
    );
  } finally {
    await db.destroy();
  }
}

function expectSecurityHeaders(response: RawResponse, what: string) {
  expect(response.headers["content-security-policy"] ?? "", what).toMatch(/frame-ancestors 'none'/);
  expect(response.headers["referrer-policy"], what).toBe("no-referrer");
  expect(response.headers["x-content-type-options"], what).toBe("nosniff");
  expect(response.headers["x-frame-options"], what).toBe("DENY");
  expect(response.headers["strict-transport-security"] ?? "", what).toMatch(/^max-age=\d{8,}/);
}

// The quick exit keeps "storage", so push stays on (decision 031); signing out clears it too.
const EXIT_CLEARS = '"cache", "cookies"';
function expectSignedOut(response: RawResponse, what: string, clears = '"cache", "cookies", "storage"') {
  expect(response.headers["clear-site-data"], what).toBe(clears);
  expect(
    response.setCookies.some((c) => /^__Host-session=;/.test(c) && /Max-Age=0/i.test(c)),
    what,
  ).toBe(true);
}

describe("leaving quickly works whatever the request carries", () => {
  test.each(ODD_HEADERS)("GET /exit with %s signs out, clears the site's data and leaves", async (_what, headers) => {
    const token = await signIn();
    const names = headers.map(([name]) => name.toLowerCase());
    const cookies = headers.filter(([name]) => name === "Cookie").map(([, value]) => value);
    const withSession: Array<[string, string]> = [
      ...headers.filter(([name]) => name !== "Cookie"),
      ["Cookie", [...cookies, `__Host-session=${token}`].join("; ")],
    ];
    const response = await send(
      "GET",
      "/exit",
      names.includes("sec-fetch-mode") ? withSession : [...withSession, ["Sec-Fetch-Mode", "navigate"]],
    );
    if (names.includes("host") && response.status === 400) return; // no URL can be made: see below
    expect([303, 204], _what).toContain(response.status);
    if (response.status === 303) expect(response.headers.location).toBe(NEUTRAL);
    expectSignedOut(response, _what, EXIT_CLEARS);
    expectSecurityHeaders(response, _what);
    // A broken cookie before ours is skipped, not taken for the session (the parser keeps the first).
    if (!cookies.some((c) => /__Host-session=/.test(c))) expect(await sessionExists(token), _what).toBe(false);
  });

  test.each(ODD_HEADERS)("POST /exit with %s answers 204 or 303, never an error", async (what, headers) => {
    const response = await send("POST", "/exit", headers, "x=1");
    if (headers.some(([name]) => name === "Host") && response.status === 400) return;
    expect([303, 204], what).toContain(response.status);
    expectSignedOut(response, what, EXIT_CLEARS);
  });

  test("a Host no URL can be made of gets 400, not 500", async () => {
    expect((await send("GET", "/exit", [["Host", "a b"]])).status).toBe(400);
  });

  test.each(ODD_HEADERS)("POST /logout with %s signs out or refuses, never an error", async (what, headers) => {
    const response = await send("POST", "/logout", [...sameOrigin(), ...headers], "");
    expect([303, 400, 403], what).toContain(response.status);
    if (response.status === 303) expectSignedOut(response, what);
  });

  test("CONNECT, TRACE and TRACK to /exit get 405 with Allow, and GET still works after them", async () => {
    for (const method of ["CONNECT", "TRACE", "TRACK"]) {
      const response = await send(method, "/exit");
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
      expectSecurityHeaders(response, method);
    }
    expect((await send("GET", "/exit")).status).toBe(303);
  });
});

describe("joining with a broken cookie", () => {
  test("creates the member and signs them in, as without the cookie", async () => {
    const body = new URLSearchParams({
      code: "DEMO-OSLO-0002",
      pseudonym: "Blåklokke",
      passphrase: "en lang og rolig setning om vann",
    });
    secrets.add("DEMO-OSLO-0002");
    secrets.add("en lang og rolig setning om vann");
    const response = await send(
      "POST",
      "/join",
      [...sameOrigin(), formType, ["Cookie", "lang=%; __Host-session=%E0%A4%A; session=%"]],
      body.toString(),
    );
    expect(response.status).toBeLessThan(400);
    const token = /^__Host-session=([^;]+)/.exec(
      response.setCookies.find((c) => c.startsWith("__Host-session=")) ?? "",
    )?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    secrets.add(token!);
    expect(await sessionExists(token!)).toBe(true);
  });
});

describe("signing out clears the site's data, as the quick exit does", () => {
  test("POST /logout", async () => {
    const token = await signIn();
    const response = await send("POST", "/logout", [...sameOrigin(), ["Cookie", `__Host-session=${token}`]]);
    expect(response.status).toBe(303);
    expectSignedOut(response, "/logout");
    expect(await sessionExists(token)).toBe(false);
  });

  test("'Sign out everywhere' on the member's page", async () => {
    const token = await signIn("Fjellrev");
    const other = await signIn("Fjellrev");
    const response = await send(
      "POST",
      "/me",
      [...sameOrigin(), formType, ["Cookie", `__Host-session=${token}`]],
      "intent=signOutEverywhere",
    );
    expect(response.status).toBe(303);
    expectSignedOut(response, "sign out everywhere");
    expect(await sessionExists(token)).toBe(false);
    expect(await sessionExists(other)).toBe(false);
  });

  test("POST /staff/logout", async () => {
    const token = await signInStaff("bergen@example.org", "demo-coordinator-pass");
    const response = await send("POST", "/staff/logout", [...sameOrigin(), ["Cookie", `__Host-session=${token}`]]);
    expect(response.status).toBe(303);
    expectSignedOut(response, "/staff/logout");
    expect(await sessionExists(token)).toBe(false);
  });
});

describe("every error path is owned", () => {
  test("a feed URL that does not decode gets 400, and neither its token nor a stack reaches the log", async () => {
    const { db } = openDatabase(app.databasePath);
    let token: string;
    try {
      const member = await db
        .selectFrom("members")
        .select("id")
        .where("pseudonym", "=", "Solsikke")
        .executeTakeFirstOrThrow();
      token = (await createFeedToken(db, { memberId: member.id })).token;
    } finally {
      await db.destroy();
    }
    secrets.add(token);
    for (const path of [
      `/calendar/${token}.ics%`,
      `/calendar/${token}%`,
      `/calendar/${token}.ics%E0%A4%A`,
      `/CALENDAR/${token}.ics%ZZ`,
    ]) {
      const response = await send("GET", path);
      expect(response.status, path).toBe(400);
      expectSecurityHeaders(response, path);
      expect(response.body).not.toContain(token);
    }
    await vi.waitFor(() =>
      expect(app.logs.filter((l) => l.path === "/calendar/[token]" && l.status === 400).length).toBeGreaterThanOrEqual(
        4,
      ),
    );
  });

  test.each(["/", "/me", "/login", "/calendar/x.ics", "/build/nothing.js", "/favicon.svg"])(
    "TRACE, TRACK, CONNECT, PUT, PATCH and DELETE on %s get 405 with Allow and the security headers",
    async (path) => {
      for (const method of ["TRACE", "TRACK", "CONNECT", "PUT", "PATCH", "DELETE", "PROPFIND"]) {
        const response = await send(method, path, sameOrigin());
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.allow, `${method} ${path}`).toBe("GET, HEAD, POST, OPTIONS");
        expectSecurityHeaders(response, `${method} ${path}`);
      }
    },
  );

  test("OPTIONS gets 204 with Allow, no CORS permission, and writes no error line", async () => {
    const before = app.logs.length;
    for (const path of ["/", "/me", "/login", "*"]) {
      const response = await send("OPTIONS", path, [
        ["Origin", "https://evil.example"],
        ["Access-Control-Request-Method", "POST"],
      ]);
      expect(response.status, path).toBe(204);
      expect(response.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
      expect(response.headers["access-control-allow-origin"]).toBeUndefined();
      expectSecurityHeaders(response, `OPTIONS ${path}`);
    }
    await vi.waitFor(() => expect(app.logs.length - before).toBeGreaterThanOrEqual(4));
    expect(app.logs.slice(before).filter((l) => l.event === "error")).toEqual([]);
  });

  test.each([
    ["/%09/a/%2e%2e", 400],
    ["/%00", 400],
    ["/a%0d%0aSet-Cookie:%20x=1", 400],
    ["/%", 400],
    ["/%E0%A4%A", 400],
    ["http://evil.example/", 400],
  ])("GET %s gets %i with the security headers", async (path, status) => {
    const response = await send("GET", path);
    expect(response.status).toBe(status);
    expectSecurityHeaders(response, path);
    expect(response.setCookies).toEqual([]);
  });
});

describe("request bodies are capped at 256 KiB", () => {
  test("a declared 50 MB form gets 413 at once, with a short page, before the body is sent", async () => {
    const started = Date.now();
    const response = await rawRequest(app.baseUrl, {
      method: "POST",
      path: "/login",
      headers: [...sameOrigin(), formType, ["Content-Length", String(50 * 1024 * 1024)]],
      body: undefined,
    });
    expect(response.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.body.length).toBeLessThan(300);
    expect(response.headers["cache-control"]).toBe("no-store");
    expectSecurityHeaders(response, "413");
  });

  test("a chunked body over the limit gets 413 once the limit is passed", async () => {
    const response = await rawRequest(app.baseUrl, {
      method: "POST",
      path: "/join",
      headers: [...sameOrigin(), formType],
      body: `pseudonym=${"a".repeat(300 * 1024)}`,
      chunked: true,
    });
    expect(response.status).toBe(413);
  });

  test("a body just under the limit is read, and the form answers with its own message", async () => {
    const pseudonym = "ø".repeat(40_000); // 240,000 bytes once percent-encoded
    const response = await send(
      "POST",
      "/login",
      [...sameOrigin(), formType],
      `pseudonym=${encodeURIComponent(pseudonym)}&passphrase=x`,
    );
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
  });
});

describe("the log", () => {
  test("holds no secret used in this file, no stack trace, and stderr is empty", async () => {
    await vi.waitFor(() =>
      expect(app.logs.some((l) => l.event === "request" && l.path === "/login" && l.status === 400)).toBe(true),
    );
    const text = [...app.logs.map((line) => JSON.stringify(line)), ...app.stderr].join("\n");
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(app.stderr).toEqual([]);
    expect(app.logs.filter((l) => l.event === "unparsed")).toEqual([]);
  });
});
