// Health check for load balancers and monitoring: 200 when the database answers and can save,
// 503 otherwise. Reads alone are not enough: on a full disk every read works and every write fails.
import { sql } from "kysely";
import { checkWriteHealth } from "../../db/write-health";
import { db } from "~/platform/db.server";

const headers = { "Content-Type": "text/plain", "Cache-Control": "no-store" };

export async function loader() {
  try {
    await sql`select 1`.execute(db());
  } catch {
    return new Response("database unavailable", { status: 503, headers });
  }
  const writes = await checkWriteHealth(db());
  if (!writes.ok) return new Response("database cannot save", { status: 503, headers });
  return new Response("ok", { headers });
}
