// What the production server (server/, bundled on its own) takes from this build. The server
// imports nothing from app/ or db/ itself, so the process holds one copy of every module: one
// environment, one logger (LOG_FORMAT holds inside routes too), one database handle.
// It sits beside entry.server.tsx, above app/platform, because it gathers features too (the scheduled jobs).
import { migrateToLatest } from "../db/migrator";
import { storageFailureCode } from "../db/write-health";
import { Scheduler } from "~/features/jobs/scheduler.server";
import { closeDatabase, db } from "~/platform/db.server";
import { EnvError, parseEnv, type Env } from "~/platform/env.server";
import { scheduledJobs } from "./scheduled-jobs.server";
import { log, logSecurityEvent, redactPath, setLogSilent, setLogSink } from "~/platform/logger.server";

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
  /** the scheduler (retention, pushes, …; app/scheduled-jobs.server.ts); stop() waits for the job in hand */
  startScheduler(env: Env): { stop: () => Promise<void> } {
    const scheduler = new Scheduler(db(), {
      ...scheduledJobs(env),
      onJob: ({ kind, outcome, attempts, error }) => {
        if (outcome !== "done") log("job", { kind, outcome, attempts, error });
      },
    });
    scheduler.start();
    return { stop: () => scheduler.stop() };
  },
  closeDatabase,
  /** a full disk or an I/O error: the server answers such a failure with 503, not 500 */
  storageFailureCode,
};

export type ServerHooks = typeof serverHooks;
