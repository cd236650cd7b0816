// Groups as staff run them. Coordinators work in their chapters' groups; national/online groups
// (no chapter) belong to admins. Every query carries that scope in its WHERE clause.
import { countRows } from "../../../db/counts";
import { sql, type ExpressionBuilder, type SqlBool } from "kysely";
import type { AppDatabase } from "../../../db/connection";
import type { Database, Group } from "../../../db/schema";
import { writeTransaction } from "../../../db/transaction";
import { newId } from "~/platform/ids.server";
import { recordAudit } from "~/features/audit/audit.server";
import { chapterFilter, type StaffActor, type StaffScope } from "~/features/staff/staff.server";

/** Restricts "groups" rows to those the staff member may manage. */
function groupInScope(scope: StaffScope) {
  const only = chapterFilter(scope);
  return (eb: ExpressionBuilder<Database, "groups">) =>
    only === null ? sql<SqlBool>`1 = 1` : eb("groups.chapter_id", "in", only);
}

/** The groups the staff member may manage, optionally only one chapter's. */
export function listGroupsForStaff(db: AppDatabase, scope: StaffScope, { chapterId }: { chapterId?: string } = {}) {
  return db
    .selectFrom("groups")
    .leftJoin("chapters", "chapters.id", "groups.chapter_id")
    .where(groupInScope(scope))
    .$if(chapterId !== undefined, (q) => q.where("groups.chapter_id", "=", chapterId!))
    .select((eb) => [
      "groups.id",
      "groups.chapter_id",
      "groups.name",
      "groups.audience",
      "groups.join_policy",
      "chapters.name as chapter_name",
      eb
        .selectFrom("group_memberships")
        .select(countRows().as("n"))
        .whereRef("group_memberships.group_id", "=", "groups.id")
        .where("group_memberships.status", "=", "active")
        .as("member_count"),
      eb
        .selectFrom("group_memberships")
        .select(countRows().as("n"))
        .whereRef("group_memberships.group_id", "=", "groups.id")
        .where("group_memberships.status", "=", "requested")
        .as("request_count"),
    ])
    .orderBy("chapters.name")
    .orderBy("groups.name")
    .execute();
}

export function findGroupForStaff(db: AppDatabase, scope: StaffScope, { groupId }: { groupId: string }) {
  return db
    .selectFrom("groups")
    .leftJoin("chapters", "chapters.id", "groups.chapter_id")
    .where("groups.id", "=", groupId)
    .where(groupInScope(scope))
    .select([
      "groups.id",
      "groups.chapter_id",
      "groups.name",
      "groups.description",
      "groups.audience",
      "groups.join_policy",
      "chapters.name as chapter_name",
    ])
    .executeTakeFirst();
}

export type GroupFields = Pick<Group, "name" | "description" | "audience"> & { joinPolicy: Group["join_policy"] };

/**
 * Staff create a group in a chapter they cover; a national/online group ("national") is for
 * admins only. Undefined when the chapter is out of scope. The group and its audit row are one
 * transaction.
 */
export async function createGroup(
  db: AppDatabase,
  staff: StaffActor,
  { chapter, ...input }: GroupFields & { chapter: string },
  now = new Date(),
): Promise<string | undefined> {
  const id = newId();
  return writeTransaction(db, async (trx) => {
    let chapterId: string | null = null;
    if (chapter === "national") {
      if (staff.role !== "admin") return undefined;
    } else {
      const only = chapterFilter(staff);
      const found = await trx
        .selectFrom("chapters")
        .select("id")
        .where("id", "=", chapter)
        .$if(only !== null, (q) => q.where("id", "in", only!))
        .executeTakeFirst();
      if (!found) return undefined;
      chapterId = found.id;
    }
    await trx
      .insertInto("groups")
      .values({
        id,
        chapter_id: chapterId,
        name: input.name,
        description: input.description,
        audience: input.audience,
        join_policy: input.joinPolicy,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "group.create",
        objectType: "group",
        objectId: id,
        details: { chapterId, audience: input.audience, joinPolicy: input.joinPolicy },
      },
      now,
    );
    return id;
  });
}

/** The chapter never changes here: moving a group would show its members to another chapter. */
export async function updateGroup(
  db: AppDatabase,
  staff: StaffActor,
  { groupId, ...input }: GroupFields & { groupId: string },
  now = new Date(),
) {
  const only = chapterFilter(staff);
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("groups")
      .set({
        name: input.name,
        description: input.description,
        audience: input.audience,
        join_policy: input.joinPolicy,
        updated_at: now.toISOString(),
      })
      .where("id", "=", groupId)
      .$if(only !== null, (q) => q.where("chapter_id", "in", only!))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "group.update",
        objectType: "group",
        objectId: groupId,
        details: { audience: input.audience, joinPolicy: input.joinPolicy },
      },
      now,
    );
    return true;
  });
}

/** A group's page for staff who may manage it: the group and who asks to join; undefined when out of scope. */
export async function loadGroupPage(db: AppDatabase, staff: StaffScope, { groupId }: { groupId: string }) {
  const group = await findGroupForStaff(db, staff, { groupId });
  if (!group) return undefined;
  return { group, requests: await listJoinRequests(db, group.id) };
}

/** Members waiting for staff to let them into the group, oldest first. */
function listJoinRequests(db: AppDatabase, groupId: string) {
  return db
    .selectFrom("group_memberships")
    .innerJoin("members", "members.id", "group_memberships.member_id")
    .select(["members.id as member_id", "members.pseudonym", "group_memberships.created_at"])
    .where("group_memberships.group_id", "=", groupId)
    .where("group_memberships.status", "=", "requested")
    .where("members.deactivated_at", "is", null)
    .orderBy("group_memberships.created_at")
    .execute();
}

/**
 * Approves (membership becomes active) or declines (the request is removed) one pending request
 * in a group the caller has found in scope, audited in the same transaction. Conditional on it
 * still pending, so a double click or a second coordinator changes nothing.
 */
export async function decideJoinRequest(
  db: AppDatabase,
  staff: StaffActor,
  input: { groupId: string; memberId: string; decision: "approve" | "decline" },
  now = new Date(),
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const result =
      input.decision === "approve"
        ? await trx
            .updateTable("group_memberships")
            .set({ status: "active" })
            .where("group_id", "=", input.groupId)
            .where("member_id", "=", input.memberId)
            .where("status", "=", "requested")
            .executeTakeFirst()
        : await trx
            .deleteFrom("group_memberships")
            .where("group_id", "=", input.groupId)
            .where("member_id", "=", input.memberId)
            .where("status", "=", "requested")
            .executeTakeFirst();
    const changed = "numUpdatedRows" in result ? result.numUpdatedRows : result.numDeletedRows;
    if (Number(changed) !== 1) return false;
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: input.decision === "approve" ? "membership.approve" : "membership.decline",
        objectType: "membership",
        objectId: input.groupId,
        details: { groupId: input.groupId, memberId: input.memberId },
      },
      now,
    );
    return true;
  });
}
