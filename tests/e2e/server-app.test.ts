// server/app.ts in this process, serving the real production build (hence the e2e project).
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp, serverHooksOf } from "../../server/app";
import { useDatabase } from "~/platform/db.server";
import { createTestDatabase, type TestDatabase } from "../setup/db";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let database: TestDatabase;
let server: Server;
let baseUrl: string;
const logLines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  // The app logs through the build's logger, as in production.
  serverHooksOf(build).setLogSink((line) => logLines.push(line));
  serverHooksOf(build).setLogSilent(false);
  const app = createApp({ build, publicDir: path.join(root, "public"), hsts: true, trustProxy: 0 });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  useDatabase(undefined);
  await database?.close();
});

beforeEach(() => {
  logLines.length = 0;
});

const SECURITY_HEADERS = {
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "x-robots-tag": "noindex, nofollow",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
};

function expectSecurityHeaders(response: Response) {
  const headers = Object.fromEntries(response.headers);
  expect(headers).toMatchObject(SECURITY_HEADERS);
  expect(headers["content-security-policy"]).toMatch(/default-src 'self'/);
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["permissions-policy"]).toMatch(/geolocation=\(\)/);
  expect(headers["x-powered-by"]).toBeUndefined();
}

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

/** The request log lines, parsed; waits for `count` because they are written when a response ends. */
async function requestLogs(count: number) {
  await vi.waitFor(() => expect(logLines.length).toBeGreaterThanOrEqual(count));
  return logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the HTTP app", () => {
  test("sends the security headers and a fresh CSP nonce, carried by the page's scripts, with every page", async () => {
    const first = await fetch(baseUrl + "/");
    const second = await fetch(baseUrl + "/");
    expect(first.status).toBe(200);
    expectSecurityHeaders(first);
    const nonce = nonceOf(first);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second)).not.toBe(nonce);

    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  test("sends the security headers with static files and with 404s", async () => {
    const favicon = await fetch(baseUrl + "/favicon.svg");
    expect(favicon.status).toBe(200);
    expectSecurityHeaders(favicon);

    const missing = await fetch(baseUrl + "/no/such/page");
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);

    const missingAsset = await fetch(baseUrl + "/build/no-such-file.js");
    expect(missingAsset.status).toBe(404);
    expectSecurityHeaders(missingAsset);
  });

  test("lets browsers keep fingerprinted /build assets for a year without asking again", async () => {
    const html = await (await fetch(baseUrl + "/")).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/build\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const asset of assets) {
      const response = await fetch(baseUrl + asset);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("cache-control"), asset).toBe("public, max-age=31536000, immutable");
    }
  });

  test("lets browsers keep other static files for an hour only", async () => {
    const response = await fetch(baseUrl + "/favicon.svg");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  test("serves the service worker as JavaScript that browsers check again each time, with the security headers", async () => {
    const response = await fetch(baseUrl + "/sw.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^(application|text)\/javascript/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expectSecurityHeaders(response);
    // It caches nothing and handles no fetches: pages never pass through it.
    const source = await response.text();
    expect(source).not.toMatch(/addEventListener\(\s*["']fetch["']|caches\./);
  });

  test("compresses a page with gzip when the browser accepts it, and not otherwise", async () => {
    const gzipped = await fetch(baseUrl + "/", { headers: { "Accept-Encoding": "gzip" } });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(await gzipped.text()).toContain("<!DOCTYPE html>");

    const plain = await fetch(baseUrl + "/", { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toContain("<!DOCTYPE html>");
  });

  test("logs each request as exactly one JSON line, without the query string", async () => {
    await (await fetch(baseUrl + "/?lang=en&invite=SECRET-CODE")).text();
    await (await fetch(baseUrl + "/favicon.svg?v=2")).text();

    const logs = await requestLogs(2);
    expect(logLines.every((line) => !line.includes("\n"))).toBe(true);
    expect(logs).toEqual([
      { time: expect.any(String), event: "request", method: "GET", path: "/", status: 200, ms: expect.any(Number) },
      {
        time: expect.any(String),
        event: "request",
        method: "GET",
        path: "/favicon.svg",
        status: 200,
        ms: expect.any(Number),
      },
    ]);
    expect(logLines.join("\n")).not.toContain("SECRET-CODE");
  });

  test("logs a calendar feed request without its token", async () => {
    await (await fetch(baseUrl + "/calendar/sEcReTfEeDtOkEn123?x=1")).text();
    const logs = await requestLogs(1);
    expect(logs).toEqual([expect.objectContaining({ event: "request", path: "/calendar/[token]" })]);
    expect(logLines.join("\n")).not.toContain("sEcReTfEeDtOkEn123");
  });
});
