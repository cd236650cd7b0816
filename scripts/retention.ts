// `npm run db:retention`: the retention job once, against DATABASE_URL or DATABASE_PATH, with the
// RETENTION_* settings (the server runs the same job daily from its scheduler, app/scheduled-jobs.server.ts).
import { openConfiguredDatabase } from "../db/connection";
import { retentionPolicyFromEnv, runRetention } from "~/features/retention/retention.server";
import { parseEnv } from "~/platform/env.server";

const env = parseEnv(process.env);
const { db } = openConfiguredDatabase({ url: env.DATABASE_URL, path: env.DATABASE_PATH, poolSize: 1 });
try {
  console.log(JSON.stringify(await runRetention(db, retentionPolicyFromEnv(env))));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
