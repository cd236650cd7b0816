// `npm run demo`: the production server with demo data, for trying the app on this machine.
// Builds first (`npm run build`: the app and the server bundle) when the build is missing or
// older than the source, seeds, then starts the bundled server (build/server.js) in this process.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_DATABASE_PATH, openDatabase } from "../db/connection";
import { DEMO_MEMBER_PASSPHRASE, demoInvites, demoMembers, demoStaff } from "./demo-data";
import { migrateToLatest } from "../db/migrator";
import { describeSeed, seedDemoData } from "./seed";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function buildIsStale(): boolean {
  const built = ["index.js", "server.js"].map((file) => path.join(root, "build", file));
  if (!built.every((file) => fs.existsSync(file))) return true;
  const builtAt = Math.min(...built.map((file) => fs.statSync(file).mtimeMs));
  const sources = ["app", "db", "server"].flatMap((folder) =>
    fs
      .readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .map((file) => path.join(root, folder, file)),
  );
  return [...sources, path.join(root, "remix.config.js")].some((file) => fs.statSync(file).mtimeMs > builtAt);
}

if (buildIsStale()) {
  console.log("Building the app (npm run build)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NODE_ENV = "production";
// Secure cookies are refused over plain http by some browsers (Chromium makes an exception for
// localhost); the demo runs on http, so it turns them off unless told otherwise.
if (process.env.SECURE_COOKIES === undefined) {
  process.env.SECURE_COOKIES = "false";
  console.log("Note: SECURE_COOKIES=false for http://localhost. Set SECURE_COOKIES=true to try secure cookies.");
}

const databasePath = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
const { db } = openDatabase(databasePath);
try {
  await migrateToLatest(db);
  console.log(`${databasePath}: ${describeSeed(await seedDemoData(db))}`);
} finally {
  await db.destroy();
}

// The bundle, as `npm start` runs it; imported only now, so it reads the environment set above.
const { startServer } = (await import(
  pathToFileURL(path.join(root, "build", "server.js")).href
)) as typeof import("../server/index");
const server = await startServer();
const printSignIns = () => {
  const { port } = server.address() as AddressInfo;
  const staff = demoStaff.map(
    (s) => `    ${s.email} / ${s.password}  (${s.role}${s.chapters.length ? `, ${s.chapters.join(", ")}` : ""})`,
  );
  const members = ["Solsikke", "Fjellrev"].map((pseudonym) => {
    const member = demoMembers.find((m) => m.pseudonym === pseudonym)!;
    return `    ${pseudonym} / ${DEMO_MEMBER_PASSPHRASE}  (${member.chapter}: ${member.groups.join(", ")})`;
  });
  const invites = [...new Set(demoInvites.map((i) => i.chapter))].map((chapter) => {
    const batch = demoInvites.filter((i) => i.chapter === chapter);
    return `${batch[0]!.code} … ${batch.at(-1)!.code}  (${batch[0]!.groups.join(", ")})`;
  });
  console.log(
    [
      "",
      `Møteplass demo: http://localhost:${port}`,
      "",
      "  Staff:",
      ...staff,
      "    Second factor: run `npm run demo:totp` for the current code (each code works once).",
      "  Members:",
      ...members,
      "  Unused invite codes:",
      ...invites.map((line) => `    ${line}`),
      "",
      `  To start over, stop the server and delete ${databasePath}.`,
      "",
    ].join("\n"),
  );
};
if (server.listening) printSignIns();
else server.once("listening", printSignIns);
