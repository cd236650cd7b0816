// A consistent copy of the live database (`npm run db:backup`, scripts/backup.ts), made with
// SQLite's online backup while the server keeps running (readers and writers are not stopped). The copy is then
// opened and checked. Restoring is described in README.md ("Backup and restore").
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

/** better-sqlite3 caps one step at this many pages: "all of them" for any database we hold. */
const EVERY_PAGE = 0x7fffffff;

/**
 * Copies `source` to `target` (which must not exist), checks the copy, and makes it readable by
 * its owner only. Returns the number of pages copied.
 *
 * Every page is copied in one step, that is inside one read transaction: a backup done in steps
 * of a few pages starts over whenever another connection writes in between, so on a busy server
 * it took 45 times as long or never ended (tests/bench/backup.bench.ts). In WAL mode the one read
 * transaction does not stop writers; it only holds back checkpoints for the second or so it takes.
 */
export async function backupDatabase(source: string, target: string): Promise<number> {
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source} (DATABASE_PATH).`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  // Made empty first, owner-only and only if it does not exist (one atomic step): the copy is never
  // readable by others, not even while it is written, and nothing already there is overwritten.
  try {
    fs.closeSync(fs.openSync(target, "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new Error(`${target} exists already; choose a new file name.`, { cause: error });
    throw error;
  }

  const live = new SQLite(source, { readonly: true, fileMustExist: true });
  let done = false;
  try {
    // A busy server may hold the write lock for a moment; the backup waits rather than fails.
    live.pragma("busy_timeout = 5000");
    const { totalPages } = await live.backup(target, { progress: () => EVERY_PAGE });
    const copy = new SQLite(target, { readonly: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`The copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    // The copy holds everything the database holds: only its owner may read it.
    fs.chmodSync(target, 0o600);
    done = true;
    return totalPages;
  } finally {
    live.close();
    // A copy that failed is no backup: leave nothing half-made behind.
    if (!done) fs.rmSync(target, { force: true });
  }
}
