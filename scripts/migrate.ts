// `npm run db:migrate` — brings the database at DATABASE_PATH to the latest migration.
// `npm run db:migrate -- down` undoes every migration (development only).
import { DEFAULT_DATABASE_PATH, openDatabase } from "../db/connection";
import { migrateDownToNothing, migrateToLatest } from "../db/migrator";

const file = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
const { db } = openDatabase(file);
try {
  const result = process.argv[2] === "down" ? await migrateDownToNothing(db) : await migrateToLatest(db);
  const applied = result.results ?? [];
  if (applied.length === 0) console.log(`Database ${file} is up to date.`);
  for (const r of applied) console.log(`${r.direction === "Up" ? "applied" : "reverted"} ${r.migrationName}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
