// What the production server (server/, bundled on its own) takes from this build. The server
// imports nothing from app/ or db/ itself, so the process holds one copy of every module: one
// environment, one logger (LOG_FORMAT holds inside routes too), one database handle.
import { migrateToLatest } from "../../db/migrator";
import { retentionPolicyFromEnv, runRetention } from "~/features/retention/retention.server";
import { storageFailureCode } from "../../db/write-health";
import { closeDatabase, db } from "./db.server";
import { EnvError, parseEnv, type Env } from "./env.server";
import { log, logSecurityEvent, redactPath, setLogSilent, setLogSink } from "./logger.server";

export const serverHooks = {
  parseEnv,
  EnvError,
  log,
  logSecurityEvent,
  redactPath,
  setLogSilent,
  /** tests that run the build in their own process read its log through this */
  setLogSink,
  migrate: () => migrateToLatest(db()),
  runRetention: (env: Env) => runRetention(db(), retentionPolicyFromEnv(env)),
  closeDatabase,
  /** a full disk or an I/O error: the server answers such a failure with 503, not 500 */
  storageFailureCode,
};

export type ServerHooks = typeof serverHooks;
