// The real server entry as a process: start-up checks and shutdown.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startApp, type RunningApp } from "./support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let app: RunningApp | undefined;
afterEach(() => app?.stop());

describe("the server process", () => {
  test("stops on SIGTERM, even with a keep-alive connection open, logs server_stopped and exits 0", async () => {
    app = await startApp();
    // fetch keeps the connection open for reuse; shutdown must not wait for it to time out.
    expect(await (await fetch(app.baseUrl + "/healthz")).text()).toBe("ok");

    const started = Date.now();
    const code = await app.stop();

    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Other lines (requests, start-up jobs) may come between; these three keep their order.
    const lifecycle = app.logs.map((l) => l.event).filter((e) => e.startsWith("server_"));
    expect(lifecycle).toEqual(["server_started", "server_stopping", "server_stopped"]);
    expect(app.logs.at(-1)?.event).toBe("server_stopped");
    expect(
      app.logs.filter((l) => l.event === "unparsed"),
      "stdout holds only JSON lines",
    ).toEqual([]);
    expect(app.logs.find((l) => l.event === "server_stopping")).toMatchObject({ signal: "SIGTERM" });
  });

  test.each([
    ["silent", "writes nothing to stdout, not even what a route logs (a failed sign-in)", false],
    ["json", "writes what a route logs (a failed sign-in) to stdout", true],
  ])("with LOG_FORMAT=%s %s", async (format, _what, logged) => {
    app = await startApp({ seed: true, env: { LOG_FORMAT: format } });
    const failed = await fetch(app.baseUrl + "/login", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "same-origin" },
      body: new URLSearchParams({ pseudonym: "Solsikke", passphrase: "not the passphrase" }),
    });
    expect(failed.status).toBe(400);
    expect(await app.stop()).toBe(0);
    const events = app.logs.map((l) => l.event);
    if (logged)
      expect(events).toEqual(
        expect.arrayContaining(["member_sign_in_failed", "request", "server_started", "server_stopped"]),
      );
    else expect(app.logs).toEqual([]);
    expect(app.stderr).toEqual([]);
  });

  test("refuses to start with a bad environment, naming the variable", async () => {
    const child = spawn(process.execPath, ["build/server.js"], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: "not-a-port", DATABASE_PATH: ":memory:" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once("exit", resolve));

    expect(code).toBe(1);
    expect(stderr).toMatch(/^\s*PORT: /m);
  });
});
