// Start-up benchmark (a script, not a test): `npm run build && npm run bench:startup`.
//
// Starts the production server five times on a fresh temporary database each time and reports
// the milliseconds from spawning the process to the first 200 from /healthz: the bundle as
// `npm start` runs it (`node build/server.js`), and for comparison the same server source run
// through tsx, as `npm start` did before the server was bundled.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RUNS = 5;

async function startOnce(command: string[], port: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "moteplass-startup-"));
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_PATH: path.join(dir, "app.sqlite"),
      LOG_FORMAT: "silent",
    },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("close", resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const commands: Array<[string, string[]]> = [
  ["node build/server.js (npm start)", [process.execPath, "build/server.js"]],
  ["tsx server/index.ts", [path.join(root, "node_modules/.bin/tsx"), "server/index.ts"]],
];
for (const [name, command] of commands) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(Math.round(await startOnce(command, 3900 + i)));
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${name}: median ${sorted[Math.floor(RUNS / 2)]} ms (runs: ${times.join(", ")} ms)`);
}
