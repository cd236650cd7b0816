// Whether the database can save right now, for /healthz. A full disk or an I/O error (SQLITE_FULL,
// SQLITE_IOERR_*) lets reads go on while every write fails, so "select 1" alone says 200 while
// nobody can save anything. The connection (db/connection.ts) reports every failed statement and
// every committed write here; the health check adds a small committed write of its own.
// Kept on globalThis for the same reason as the database handle (app/platform/db.server.ts): tests
// that run the build in their own process load the source as well.
import type { Kysely } from "kysely";
import type { Database } from "./schema";

/** Codes of errors that mean the storage, not the statement, is at fault. */
export function storageFailureCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR"))) return code;
  }
  return null;
}

interface State {
  /** the last write that failed because of the storage, until a write is saved again */
  failure: { code: string; at: number } | null;
  lastProbeAt: number;
}

const KEY = Symbol.for("moteplass.writeHealth");
const holder = globalThis as { [KEY]?: State };
const state = (): State => (holder[KEY] ??= { failure: null, lastProbeAt: Number.NEGATIVE_INFINITY });

export function noteWriteFailed(code: string, now = Date.now()) {
  state().failure = { code, at: now };
}

export function noteWriteSaved() {
  state().failure = null;
}

export function resetWriteHealth() {
  holder[KEY] = undefined;
}

/** A failure this recent stands without a probe: a probe that fits in a free page proves little. */
export const FAILURE_HOLD_MS = 30_000;
/** While all is well, the probe writes at most this often: one small commit, not one per check. */
export const PROBE_INTERVAL_MS = 30_000;

export type WriteHealth = { ok: true } | { ok: false; code: string };

/**
 * Can the database save? Fails while a storage failure is fresh; otherwise writes one row (at most
 * every PROBE_INTERVAL_MS, or at once after a failure) and reports how that went.
 */
export async function checkWriteHealth(db: Kysely<Database>, now = Date.now()): Promise<WriteHealth> {
  const s = state();
  if (s.failure && now - s.failure.at < FAILURE_HOLD_MS) return { ok: false, code: s.failure.code };
  if (s.failure || now - s.lastProbeAt >= PROBE_INTERVAL_MS) {
    s.lastProbeAt = now;
    try {
      await db
        .insertInto("health_probe")
        .values({ id: 1, written_at: new Date(now).toISOString() })
        .onConflict((oc) => oc.column("id").doUpdateSet({ written_at: new Date(now).toISOString() }))
        .execute();
      // The connection has noted the saved write, which ends a failure.
    } catch (error) {
      noteWriteFailed(storageFailureCode(error) ?? "probe_failed", now);
    }
  }
  return s.failure ? { ok: false, code: s.failure.code } : { ok: true };
}
