// The app's database handle. The server entry and the Remix build are bundled separately, so
// the handle lives on globalThis: both then share one connection and shutdown closes it.
import { openDatabase, type OpenedDatabase } from "../../db/connection";
import { env } from "./env.server";

const KEY = Symbol.for("moteplass.database");
type Holder = { [KEY]?: OpenedDatabase };
const holder = globalThis as Holder;

function current(): OpenedDatabase {
  holder[KEY] ??= openDatabase(env().DATABASE_PATH);
  return holder[KEY];
}

export function db() {
  return current().db;
}

export function sqlite() {
  return current().sqlite;
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
