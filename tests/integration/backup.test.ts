// `npm run db:backup -- <file>` against a live database file (WAL, open in this process).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { backupDatabase } from "../../db/backup";
import { openDatabase } from "../../db/connection";
import { createChapter } from "../factories";
import { useTestDatabase } from "../setup/db";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const database = useTestDatabase({ file: true });
const run = promisify(execFile);

function backup(target: string) {
  return run(process.execPath, ["--import", "tsx", "scripts/backup.ts", target], {
    cwd: root,
    env: { NODE_ENV: "test", PATH: process.env.PATH, DATABASE_PATH: database().filename },
  });
}

describe("db:backup", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "moteplass-backup-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("copies the live database, including what is still only in its WAL, readable by its owner only", async () => {
    await createChapter(database().db, { name: "Tromsø" });
    const target = path.join(dir, "copy.sqlite");

    const { stdout } = await backup(target);

    expect(stdout).toMatch(/^Backed up .* pages\)\.\n$/);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    const copy = openDatabase(target);
    try {
      const chapters = await copy.db.selectFrom("chapters").select("name").execute();
      expect(chapters).toEqual([{ name: "Tromsø" }]);
    } finally {
      await copy.db.destroy();
    }
  }, 30_000);

  test("a backup taken while another connection keeps committing finishes, and holds each transaction whole or not at all", async () => {
    const { sqlite, filename } = database();
    // About 20 MB: a copy made 100 pages at a time would take 50 steps.
    const fill = sqlite.prepare(
      "insert into audit_log (id, at, action, object_type, details) values (?, ?, 'fill', 'bench', ?)",
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 20_000; i++) fill.run(`fill-${i}`, new Date().toISOString(), "x".repeat(900));
    })();
    // Another connection commits a pair of rows at every turn of the event loop, so a commit lands
    // between any two steps of the backup (better-sqlite3 also steps once per turn).
    const writer = new SQLite(filename);
    writer.pragma("busy_timeout = 5000");
    const insert = writer.prepare(
      "insert into audit_log (id, at, action, object_type, object_id) values (?, ?, ?, 'pair', ?)",
    );
    const writePair = writer.transaction((n: number) => {
      insert.run(`pair-${n}-a`, new Date().toISOString(), "first", `pair-${n}`);
      insert.run(`pair-${n}-b`, new Date().toISOString(), "second", `pair-${n}`);
    });
    let pairs = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        writePair.immediate(pairs++);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const target = path.join(dir, "busy.sqlite");
    try {
      const finished = await Promise.race([
        backupDatabase(filename, target).then(() => "finished"),
        new Promise((resolve) => setTimeout(resolve, 15_000, "still copying after 15 s")),
      ]);
      expect(finished).toBe("finished");
      expect(pairs).toBeGreaterThan(0);
    } finally {
      writing = false;
      await writes;
      writer.close();
    }
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    const copy = new SQLite(target, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.prepare("select count(*) from audit_log where action = 'fill'").pluck().get()).toBe(20_000);
      expect(
        copy
          .prepare(
            "select count(*) from (select object_id from audit_log where object_type = 'pair' group by object_id having count(*) <> 2)",
          )
          .pluck()
          .get(),
      ).toBe(0);
    } finally {
      copy.close();
    }
  }, 60_000);

  test("refuses to overwrite a file that exists", async () => {
    const target = path.join(dir, "exists.sqlite");
    fs.writeFileSync(target, "keep me");
    await expect(backup(target)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/exists already/) });
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
  }, 30_000);
});
