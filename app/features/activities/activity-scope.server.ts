// Which activities a staff member's scope covers, as a WHERE clause every staff query shares.
import { sql, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database } from "../../../db/schema";
import { chapterFilter, type StaffScope } from "~/features/staff/staff.server";

/** Coordinators: their chapters' activities. Admins: all, national ones included. */
export function activityInScope(scope: StaffScope) {
  const only = chapterFilter(scope);
  return (eb: ExpressionBuilder<Database, "activities">) =>
    only === null ? sql<SqlBool>`1 = 1` : eb("activities.chapter_id", "in", only);
}
