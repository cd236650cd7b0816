// The integration-pg project: one PostgreSQL server for the run and a migrated template database;
// every test copies the template (tests/setup/db.ts). The server stops after the run, also when
// tests fail.
import type { TestProject } from "vitest/node";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrateToLatest } from "../../db/migrator";
import { adminQuery, startPostgresServer } from "../support/postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const server = await startPostgresServer();
  const template = `moteplass_template_${process.pid}`;
  await adminQuery(server.adminUrl, `drop database if exists ${template}`, `create database ${template}`);
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server.urlOf(template), max: 1 }) }),
  });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  project.provide("postgresAdminUrl", server.adminUrl);
  project.provide("postgresTemplate", template);
  if (process.env.TEST_PG_TIMING) process.stdout.write(`PostgreSQL ready in ${Date.now() - started} ms\n`);
  return async () => {
    // The template and every test database copied from it (named `${template}_…`, tests/setup/db.ts).
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        "select datname from pg_database where datname = $1 or datname like $1 || '\\_%'",
        [template],
      );
      for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
    } finally {
      await client.end();
    }
    await server.stop();
  };
}
