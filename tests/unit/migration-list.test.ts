// The migrations are listed by hand (db/migrator.ts) so that the server bundle carries them.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrations } from "../../db/migrator";

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations");

describe("the list of migrations", () => {
  test("names every file in db/migrations, and nothing else, in the order of their names", () => {
    const files = fs
      .readdirSync(folder)
      .filter((file) => /\.(ts|js)$/.test(file))
      .map((file) => file.replace(/\.(ts|js)$/, ""))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });

  test("gives each name the module of the file with that name", async () => {
    for (const [name, migration] of Object.entries(migrations)) {
      const file = (await import(path.join(folder, `${name}.ts`))) as typeof migration;
      expect(migration.up, name).toBe(file.up);
      expect(migration.down, name).toBe(file.down);
    }
  });
});
