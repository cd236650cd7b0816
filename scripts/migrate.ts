// `npm run db:migrate` — brings the database (DATABASE_URL, else the file at DATABASE_PATH) to the
// latest migration. The server also migrates at start-up; this is the same, as a separate step.
// `npm run db:migrate -- down` undoes every migration (development only).
import { describeLocation, locationFromEnvironment, openConfiguredDatabase } from "../db/connection";
import { migrateDownToNothing, migrateToLatest } from "../db/migrator";

const location = locationFromEnvironment(process.env);
const file = describeLocation(location);
const { db } = openConfiguredDatabase(location);
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
