// The production server, seen from outside: the security headers on every kind of response,
// the session cookie's flags, cross-site writes refused, replayed cookies refused, rate limits
// with identical failure answers, and a log with no secret in it.
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase } from "../../db/connection";
import { createApp, serverHooksOf } from "../../server/app";
import { createFeedToken } from "~/features/calendar/feed-tokens.server";
import { useDatabase } from "~/platform/db.server";
import { createTestDatabase } from "../setup/db";
import { startApp, type RunningApp } from "./support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MEMBER_PASSPHRASE = "demo-member-pass";
const STAFF_PASSWORD = "demo-admin-pass";

let app: RunningApp;
/** every secret this file handles, to look for in the server's log at the end */
const secretsUsed = new Set<string>([MEMBER_PASSPHRASE, STAFF_PASSWORD, "wrong passphrase here"]);

beforeAll(async () => {
  app = await startApp({ seed: true });
});
afterAll(async () => {
  await app?.stop();
});

/** What a browser sends with a form from our own page. */
const sameOrigin = () => ({ "Sec-Fetch-Site": "same-origin", Origin: app.baseUrl });

function form(fields: Record<string, string>) {
  return new URLSearchParams(fields);
}

async function signIn(pseudonym = "Solsikke", extra: Record<string, string> = {}) {
  const response = await fetch(app.baseUrl + "/login", {
    method: "POST",
    headers: sameOrigin(),
    body: form({ pseudonym, passphrase: MEMBER_PASSPHRASE, ...extra }),
    redirect: "manual",
  });
  expect(response.status).toBe(303);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("__Host-session="));
  if (!setCookie) throw new Error("no session cookie");
  const token = /^__Host-session=([^;]+)/.exec(setCookie)![1]!;
  secretsUsed.add(token);
  return { setCookie, cookie: `__Host-session=${token}`, token };
}

function get(pathname: string, headers: Record<string, string> = {}) {
  return fetch(app.baseUrl + pathname, { headers, redirect: "manual" });
}

function expectSecurityHeaders(response: Response, what: string) {
  const h = (name: string) => response.headers.get(name);
  const csp = h("content-security-policy") ?? "";
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='/);
  expect(csp, what).not.toMatch(/unsafe-inline|unsafe-eval/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
    expect(csp, what).toContain(directive);
  }
  expect(h("referrer-policy"), what).toBe("no-referrer");
  expect(h("x-content-type-options"), what).toBe("nosniff");
  expect(h("permissions-policy"), what).toMatch(/geolocation=\(\)/);
  expect(h("permissions-policy"), what).toMatch(/camera=\(\)/);
  expect(h("permissions-policy"), what).toMatch(/microphone=\(\)/);
  expect(h("strict-transport-security"), what).toMatch(/^max-age=\d{8,}/);
  expect(h("x-robots-tag"), what).toMatch(/noindex/);
}

describe("every kind of response carries the security headers", () => {
  test("pages, signed out and signed in, are never stored", async () => {
    const { cookie } = await signIn();
    for (const [pathname, headers] of [
      ["/", {}],
      ["/safety", {}],
      ["/login", {}],
      ["/me", { Cookie: cookie }],
      ["/me/sessions", { Cookie: cookie }],
    ] as const) {
      const response = await get(pathname, headers);
      expect(response.status, pathname).toBe(200);
      expectSecurityHeaders(response, pathname);
      expect(response.headers.get("cache-control"), pathname).toBe("no-store");
    }
  });

  test("data requests (single fetch .data URLs) are never stored", async () => {
    const { cookie } = await signIn();
    for (const pathname of ["/_root.data", "/safety.data", "/me.data", "/me/sessions.data"]) {
      const response = await get(pathname, { Cookie: cookie });
      expect(response.status, pathname).toBe(200);
      expectSecurityHeaders(response, pathname);
      expect(response.headers.get("cache-control"), pathname).toBe("no-store");
    }
  });

  test("resource routes: the manifest, the health check and the data download", async () => {
    const { cookie } = await signIn();
    for (const [pathname, headers] of [
      ["/manifest.webmanifest", {}],
      ["/healthz", {}],
      ["/me/data", { Cookie: cookie }],
    ] as const) {
      const response = await get(pathname, headers);
      expect(response.status, pathname).toBe(200);
      expectSecurityHeaders(response, pathname);
    }
    expect((await get("/me/data", { Cookie: cookie })).headers.get("cache-control")).toBe("no-store");
  });

  test("calendar feeds, known and unknown", async () => {
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
    secretsUsed.add(token);
    const feed = await get(`/calendar/${token}.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toMatch(/^text\/calendar/);
    expectSecurityHeaders(feed, "feed");
    const unknown = await get(`/calendar/${"x".repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
    expectSecurityHeaders(unknown, "unknown feed");
  });

  test("errors, redirects and refusals", async () => {
    const notFound = await get("/no/such/page");
    expect(notFound.status).toBe(404);
    expectSecurityHeaders(notFound, "404");
    expect(notFound.headers.get("cache-control")).toBe("no-store");

    const toLogin = await get("/me");
    expect(toLogin.status).toBe(302);
    expectSecurityHeaders(toLogin, "redirect to sign in");

    // As a browser follows the link (fetch() would always say Sec-Fetch-Mode: cors).
    const exit = await new Promise<Response>((resolve, reject) =>
      http
        .get(
          app.baseUrl + "/exit",
          { headers: { "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Site": "same-origin" } },
          (res) => {
            res.resume();
            resolve(new Response(null, { status: res.statusCode, headers: res.headers as Record<string, string> }));
          },
        )
        .on("error", reject),
    );
    expect(exit.status).toBe(303);
    expect(exit.headers.get("location")).toBe("https://www.yr.no");
    expectSecurityHeaders(exit, "/exit");
    const beacon = await fetch(app.baseUrl + "/exit", { method: "POST", headers: { "Sec-Fetch-Site": "same-origin" } });
    expect(beacon.status).toBe(204);
    expectSecurityHeaders(beacon, "/exit beacon");

    const refused = await fetch(app.baseUrl + "/login", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused, "403");
  });

  test("static files", async () => {
    const html = await (await get("/")).text();
    const asset = /"(\/build\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    for (const pathname of ["/favicon.svg", "/robots.txt", asset!, "/build/no-such-file.js"]) {
      const response = await get(pathname);
      expectSecurityHeaders(response, pathname);
    }
  });
});

describe("the session cookie", () => {
  test("is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and has no Domain", async () => {
    for (const extra of [{}, { ownDevice: "on" }] as Array<Record<string, string>>) {
      const { setCookie } = await signIn("Solsikke", extra);
      const attributes = setCookie
        .split(";")
        .slice(1)
        .map((a) => a.trim().toLowerCase());
      expect(attributes).toEqual(expect.arrayContaining(["path=/", "httponly", "samesite=lax", "secure"]));
      expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
      // A shared device keeps no cookie after the browser closes; "my own device" does, for 30 days.
      expect(attributes.find((a) => a.startsWith("max-age="))).toBe(
        "ownDevice" in extra ? "max-age=2592000" : undefined,
      );
    }
  });

  test("gets a new id at every sign-in", async () => {
    const first = await signIn();
    const second = await signIn();
    expect(second.token).not.toBe(first.token);
  });
});

describe("cross-site state changes", () => {
  test("are refused with 403 before anything happens", async () => {
    for (const headers of [{ "Sec-Fetch-Site": "cross-site" }, { Origin: "https://evil.example" }] as Array<
      Record<string, string>
    >) {
      const response = await fetch(app.baseUrl + "/login", {
        method: "POST",
        headers,
        body: form({ pseudonym: "Solsikke", passphrase: MEMBER_PASSPHRASE }),
        redirect: "manual",
      });
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  test("from our own pages are accepted, also with the Origin: null that no-referrer makes browsers send", async () => {
    for (const headers of [sameOrigin(), { "Sec-Fetch-Site": "same-origin", Origin: "null" }]) {
      const response = await fetch(app.baseUrl + "/login", {
        method: "POST",
        headers,
        body: form({ pseudonym: "Solsikke", passphrase: MEMBER_PASSPHRASE }),
        redirect: "manual",
      });
      expect(response.status).toBe(303);
    }
  });
});

describe("a session cookie replayed", () => {
  test("after signing out is refused", async () => {
    const { cookie } = await signIn();
    expect((await get("/me", { Cookie: cookie })).status).toBe(200);
    const out = await fetch(app.baseUrl + "/logout", {
      method: "POST",
      headers: { ...sameOrigin(), Cookie: cookie },
      redirect: "manual",
    });
    expect(out.status).toBe(303);
    const replay = await get("/me", { Cookie: cookie });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toMatch(/^\/login/);
  });

  test("after the account is deactivated is refused", async () => {
    const { cookie } = await signIn("Fjellrev");
    expect((await get("/me", { Cookie: cookie })).status).toBe(200);
    const { db } = openDatabase(app.databasePath);
    try {
      await db
        .updateTable("members")
        .set({ deactivated_at: new Date().toISOString() })
        .where("pseudonym", "=", "Fjellrev")
        .execute();
    } finally {
      await db.destroy();
    }
    const replay = await get("/me", { Cookie: cookie });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toMatch(/^\/login/);
  });
});

describe("staff sign-in", () => {
  const attempt = (email: string, password: string) =>
    fetch(app.baseUrl + "/staff/login", {
      method: "POST",
      headers: sameOrigin(),
      body: form({ email, password }),
      redirect: "manual",
    });
  /** The page without what differs by design: the nonces, and the address typed in (kept in the form). */
  const comparable = (html: string, email: string) =>
    html.replace(/nonce(=|-)"?[A-Za-z0-9+/=]+"?/g, "nonce").replaceAll(email, "EMAIL");

  test("answers an unknown address exactly as a wrong password", async () => {
    const unknown = await attempt("nobody@example.org", "wrong passphrase here");
    const wrong = await attempt("bergen@example.org", "wrong passphrase here");
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    expect(comparable(await wrong.text(), "bergen@example.org")).toBe(
      comparable(await unknown.text(), "nobody@example.org"),
    );
  });

  test("answers 429 with Retry-After once an account has had its attempts, whether it exists or not", async () => {
    for (const email of ["admin@example.org", "ghost@example.org"]) {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await attempt(email, "wrong passphrase here")).status);
      expect(statuses.every((s) => s === 400)).toBe(true);
      const limited = await attempt(email, STAFF_PASSWORD);
      expect(limited.status).toBe(429);
      expect(
        Number(limited.headers.get("retry-after")),
        'Retry-After: the route must add `export { keepRetryAfter as headers } from "~/platform/rate-limit.server"`',
      ).toBeGreaterThan(0);
      expectSecurityHeaders(limited, "429");
    }
  });
});

describe("the server's log", () => {
  test("holds no passphrase, password, invite code, session id or feed token used in this file", async () => {
    // Joining with an invite: the code and the new passphrase travel in the form, never into the log.
    const joinPassphrase = "lilla fjell under stille vann";
    secretsUsed.add(joinPassphrase);
    secretsUsed.add("DEMO-OSLO-0001");
    const joined = await fetch(app.baseUrl + "/join?code=DEMO-OSLO-0001", {
      method: "POST",
      headers: sameOrigin(),
      body: form({ code: "DEMO-OSLO-0001", pseudonym: "Vindrose", passphrase: joinPassphrase }),
      redirect: "manual",
    });
    // Joined: a new session at once (the page then shows the recovery codes, once).
    const token = /^__Host-session=([^;]+)/.exec(
      joined.headers.getSetCookie().find((c) => c.startsWith("__Host-session=")) ?? "",
    )?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    secretsUsed.add(token!);
    // Recovery codes are shown once in the page; none may reach the log.
    const recoveryCodes = (await joined.text()).match(/\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}\b/g) ?? [];
    expect(recoveryCodes.length).toBeGreaterThan(0);
    for (const code of recoveryCodes) secretsUsed.add(code);

    await vi.waitFor(() => expect(app.logs.some((l) => l.event === "request" && l.path === "/join")).toBe(true));
    expect(app.logs.length).toBeGreaterThan(20);
    const text = app.logs.map((line) => JSON.stringify(line)).join("\n");
    for (const secret of secretsUsed) expect(text).not.toContain(secret);
    expect(app.logs.filter((l) => l.event === "security").map((l) => l.kind)).toEqual(
      expect.arrayContaining(["cross_site_refused", "rate_limited"]),
    );
  });
});

describe("a server error (500)", () => {
  test("carries the security headers and is never stored", async () => {
    // In this process, on a database that has gone away: the front page's loader fails.
    const database = await createTestDatabase();
    useDatabase(database);
    const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
    serverHooksOf(build).setLogSilent(true);
    const server: Server = createApp({ build, publicDir: path.join(root, "public"), hsts: true, trustProxy: 0 }).listen(
      0,
      "127.0.0.1",
    );
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      database.sqlite.close();
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(response.status).toBe(500);
      expectSecurityHeaders(response, "500");
      expect(response.headers.get("cache-control")).toBe("no-store");
    } finally {
      await new Promise((resolve) => server.close(resolve));
      useDatabase(undefined);
      await database.close().catch(() => {});
    }
  });
});
