import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Integration tests of SQLite itself (its raw handle, pragmas, file backups, a full disk, several
 * processes on one file): they run in the `unit` project only. Everything else in
 * tests/integration runs on PostgreSQL too (`integration-pg`).
 */
const SQLITE_ONLY = [
  "tests/integration/backup.test.ts",
  "tests/integration/full-disk.test.ts",
  "tests/integration/healthz.test.ts",
  "tests/integration/migrations.test.ts",
  // SQLite's EXPLAIN QUERY PLAN and its statement log (PostgreSQL's plans are not checked yet).
  "tests/integration/list-paging.test.ts",
  // SQLite's change counters (on PostgreSQL the feed generation is the WAL position, decision 037).
  "tests/integration/feed-remembered.test.ts",
  // Schedulers in worker processes on one SQLite file; across instances on PostgreSQL see
  // tests/e2e/postgres-instances.test.ts.
  "tests/integration/scheduler-processes.test.ts",
];

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          globals: true,
          setupFiles: ["tests/setup/unit.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration-pg",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          exclude: SQLITE_ONLY,
          environment: "node",
          globals: true,
          env: { MOTEPLASS_TEST_DIALECT: "postgres" },
          // Each query is a round trip over TCP: a test that sends hundreds needs more than 5 s on a busy machine.
          testTimeout: 20_000,
          setupFiles: ["tests/setup/unit.ts"],
          globalSetup: ["tests/setup/pg-global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globals: true,
          globalSetup: ["tests/e2e/global-setup.ts"],
          // Each file starts a production server and a browser; one at a time keeps them honest.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
