// The e2e harness: the production build served by the real server entry, driven by Chromium.
import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { openDatabase, openPostgresDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import { DEMO_TOTP_SECRET } from "../../scripts/demo-data";
import { currentTotpCode } from "~/platform/totp.server";
import { resources } from "~/i18n/catalogs.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

export type LogLine = { event: string } & Record<string, unknown>;

export interface RunningApp {
  baseUrl: string;
  /** the SQLite file, or the PostgreSQL URL given */
  databasePath: string;
  /** every JSON line the server has written to stdout so far, parsed */
  logs: LogLine[];
  /** every line the server has written to stderr so far */
  stderr: string[];
  /** SIGTERM, then wait for the process to end; resolves with its exit code */
  stop(): Promise<number | null>;
  /** SIGKILL (kill -9: no clean shutdown), then wait for the process to end */
  kill(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as net.AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}

/**
 * Starts the bundled server (`node build/server.js`) as production does (NODE_ENV=production, secure cookies, HSTS) on a
 * fresh database in a temporary folder, and waits until /healthz answers 200.
 */
export async function startApp({
  seed = false,
  env = {},
  databaseUrl,
}: {
  seed?: boolean;
  /** extra environment variables for the server, e.g. QUICK_EXIT_URL */
  env?: Record<string, string>;
  /** a PostgreSQL database (DATABASE_URL) instead of a fresh SQLite file; several apps may share it */
  databaseUrl?: string;
} = {}): Promise<RunningApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "moteplass-e2e-"));
  const databasePath = databaseUrl ?? path.join(dir, "app.sqlite");
  const opened = databaseUrl ? openPostgresDatabase(databaseUrl, { poolSize: 1 }) : openDatabase(databasePath);
  try {
    await migrateToLatest(opened.db);
    if (seed) {
      const { seedDemoData } = await import("../../scripts/seed");
      await seedDemoData(opened.db, { now: new Date() });
    }
  } finally {
    await opened.db.destroy();
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Only what the server needs, so the developer's own environment cannot change the outcome.
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TZ: process.env.TZ,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_PATH: databasePath }),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });

  const logs: LogLine[] = [];
  const stderr: string[] = [];
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    try {
      logs.push(JSON.parse(line) as LogLine);
    } catch {
      logs.push({ event: "unparsed", line });
    }
  });
  readline.createInterface({ input: child.stderr }).on("line", (line) => stderr.push(line));
  // "close", not "exit": by then stdout has been read to the end, so `logs` is complete.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));

  let stopped: Promise<number | null> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const code = await exited;
      fs.rmSync(dir, { recursive: true, force: true });
      return code;
    })();
    return stopped;
  };

  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await stop();
  };

  try {
    await waitUntilHealthy(baseUrl, exited);
  } catch (error) {
    await stop();
    const output = [...stderr, ...logs.map((l) => JSON.stringify(l))].join("\n");
    throw new Error(`The server did not start: ${(error as Error).message}\n${output}`, { cause: error });
  }
  return { baseUrl, databasePath, logs, stderr, stop, kill };
}

async function waitUntilHealthy(baseUrl: string, exited: Promise<number | null>) {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`it exited with code ${exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("/healthz did not answer 200 within 30 s");
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** Saves a full-page PNG to test-results/screenshots/<name>-<phone|desktop>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  const file = path.join(
    root,
    "test-results",
    "screenshots",
    `${name}-${width <= PHONE.width ? "phone" : "desktop"}.png`,
  );
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  /** requests that left the app's own origin */
  foreignRequests: string[];
}

/** Records, from now on, everything on the page that should not happen. Call before goto. */
export async function watchPage(page: Page, baseUrl: string): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] };
  const origin = new URL(baseUrl).origin;
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("data:") && new URL(url).origin !== origin) problems.foreignRequests.push(url);
  });
  await page.exposeFunction("__reportCspViolation", (violation: string) => problems.cspViolations.push(violation));
  // Init scripts run outside the page's CSP, so this listener sees every violation.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation(v: string): void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"}`);
    });
  });
  return problems;
}

/** Waits until the client bundle has run and hydrated the page (Remix publishes its router then). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 10_000 });
}

/**
 * Signs a demo staff member in through the real forms, password then TOTP code (every demo staff
 * account shares the demo secret). A code is taken once, so one account signs in once per 30 s.
 * Without JavaScript there is no hydration to wait for.
 */
export async function staffSignIn(
  page: Page,
  baseUrl: string,
  { email = "bergen@example.org", password = "demo-coordinator-pass", javaScript = true } = {},
): Promise<void> {
  const nb = resources.nb.translation;
  await page.goto(baseUrl + "/staff/login", { waitUntil: "networkidle" });
  if (javaScript) await waitForHydration(page);
  await page.getByLabel(nb.staff.login.email, { exact: true }).fill(email);
  await page.getByLabel(nb.staff.login.password, { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL(baseUrl + "/staff/login/totp"),
    page.getByRole("button", { name: nb.staff.login.submit }).click(),
  ]);
  await page.getByLabel(nb.staff.totp.code, { exact: true }).fill(currentTotpCode(DEMO_TOTP_SECRET));
  await Promise.all([
    page.waitForURL(baseUrl + "/staff"),
    page.getByRole("button", { name: nb.staff.totp.submit }).click(),
  ]);
}
