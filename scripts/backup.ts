// `npm run db:backup -- <file>`: a consistent copy of the live database (db/backup.ts), made
// while the server keeps running. Restoring is described in README.md ("Backup and restore").
import { backupDatabase } from "../db/backup";
import { DEFAULT_DATABASE_PATH } from "../db/connection";

const source = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
const target = process.argv[2];
try {
  if (!target) throw new Error("Usage: npm run db:backup -- <file>");
  const pages = await backupDatabase(source, target);
  console.log(`Backed up ${source} to ${target} (${pages} pages).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
