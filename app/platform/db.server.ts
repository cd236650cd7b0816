// The app's database handle. The production server holds one copy of this module (it takes it
// from the build); tests that run the build in their own process load the source as well, so the
// handle lives on globalThis and both copies share one connection.
import { openConfiguredDatabase, type OpenedDatabase } from "../../db/connection";
import { env } from "./env.server";

const KEY = Symbol.for("moteplass.database");
type Holder = { [KEY]?: OpenedDatabase };
const holder = globalThis as Holder;

function current(): OpenedDatabase {
  const { DATABASE_URL, DATABASE_PATH, DATABASE_POOL_SIZE } = env();
  holder[KEY] ??= openConfiguredDatabase({ url: DATABASE_URL, path: DATABASE_PATH, poolSize: DATABASE_POOL_SIZE });
  return holder[KEY];
}

export function db() {
  return current().db;
}

/** Tests put a freshly migrated database here. */
export function useDatabase(next: OpenedDatabase | undefined) {
  holder[KEY] = next;
}

export async function closeDatabase() {
  const opened = holder[KEY];
  holder[KEY] = undefined;
  await opened?.db.destroy();
}
