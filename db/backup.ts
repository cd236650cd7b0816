// `npm run db:backup -- <file>`: a consistent copy of the live database, made with SQLite's online
// backup while the server keeps running (readers and writers are not stopped). The copy is then
// opened and checked. Restoring is described in README.md ("Backup and restore").
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { DEFAULT_DATABASE_PATH } from "./connection";

const source = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
const target = process.argv[2];

try {
  if (!target) throw new Error("Usage: npm run db:backup -- <file>");
  if (fs.existsSync(target)) throw new Error(`${target} exists already; choose a new file name.`);
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source} (DATABASE_PATH).`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });

  const live = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    // A busy server may hold the write lock for a moment; the backup waits rather than fails.
    live.pragma("busy_timeout = 5000");
    const { totalPages } = await live.backup(target);
    const copy = new SQLite(target, { readonly: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`The copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    // The copy holds everything the database holds: only its owner may read it.
    fs.chmodSync(target, 0o600);
    console.log(`Backed up ${source} to ${target} (${totalPages} pages).`);
  } finally {
    live.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
