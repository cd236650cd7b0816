// `npm run db:backup -- <file>` against a live database file (WAL, open in this process).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openDatabase } from "../../db/connection";
import { createChapter } from "../factories";
import { useTestDatabase } from "../setup/db";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const database = useTestDatabase({ file: true });
const run = promisify(execFile);

function backup(target: string) {
  return run(process.execPath, ["--import", "tsx", "db/backup.ts", target], {
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

  test("refuses to overwrite a file that exists", async () => {
    const target = path.join(dir, "exists.sqlite");
    fs.writeFileSync(target, "keep me");
    await expect(backup(target)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/exists already/) });
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
  }, 30_000);
});
