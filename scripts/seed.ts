// Demo data for local use (`npm run db:seed`, `npm run demo`). Demo accounts exist only through
// this file; the production server never creates them.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Kysely } from "kysely";
import { hashPassword } from "~/platform/password.server";
import { hashSecret, normalizeReadableCode } from "~/platform/secrets.server";
import { normalizePseudonym, pseudonymCaseKey, pseudonymKey } from "~/features/members/pseudonym";
import { addDaysToDateInput, formatOsloDateInput } from "~/platform/oslo-time";
import { newId, nowIso } from "~/platform/ids.server";
import { describeLocation, locationFromEnvironment, openConfiguredDatabase } from "../db/connection";
import {
  DEMO_ADMIN_EMAIL,
  DEMO_INVITE_VALID_DAYS,
  DEMO_MEMBER_PASSPHRASE,
  DEMO_TOTP_SECRET,
  demoActivities,
  demoPastActivities,
  type DemoActivity,
  type DemoPastActivity,
  demoChapters,
  demoGroups,
  demoInvites,
  demoMembers,
  demoStaff,
} from "./demo-data";
import { migrateToLatest } from "../db/migrator";
import type { Database } from "../db/schema";
import { writeTransaction } from "../db/transaction";

export interface SeedSummary {
  /** false when the demo data was already there and nothing was added */
  seeded: boolean;
  chapters: number;
  groups: number;
  staff: number;
  members: number;
  invites: number;
  activities: number;
  rsvps: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const admin = await db
    .selectFrom("staff_users")
    .select("id")
    .where("email", "=", DEMO_ADMIN_EMAIL)
    .executeTakeFirst();
  return admin !== undefined;
}

function lookup<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data refers to unknown ${String(key)}`);
  return value;
}

/** Adds the demo content in one transaction, or nothing if it is already there. */
export async function seedDemoData(
  db: Kysely<Database>,
  { now = new Date() }: { now?: Date } = {},
): Promise<SeedSummary> {
  const nothing: SeedSummary = {
    seeded: false,
    chapters: 0,
    groups: 0,
    staff: 0,
    members: 0,
    invites: 0,
    activities: 0,
    rsvps: 0,
  };
  if (await isSeeded(db)) return nothing;

  // Hashing at production cost takes a noticeable moment: hash each distinct secret once, and
  // before the transaction, so the write lock is held only for the inserts.
  const passwords = new Set([...demoStaff.map((s) => s.password), DEMO_MEMBER_PASSPHRASE]);
  const hashes = new Map(await Promise.all([...passwords].map(async (p) => [p, await hashPassword(p)] as const)));
  const activities: (DemoActivity & Partial<Pick<DemoPastActivity, "came" | "walkIns">>)[] = [
    ...demoActivities(now),
    ...demoPastActivities(now),
  ];
  const at = nowIso(now);
  const today = formatOsloDateInput(at);

  return writeTransaction(db, async (trx) => {
    if (await isSeeded(trx)) return nothing;

    // A chapter someone already made is reused rather than duplicated.
    const [chapterInsert] = await trx
      .insertInto("chapters")
      .values(demoChapters.map((c) => ({ id: newId(), ...c, created_at: at, updated_at: at })))
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
    const chapterRows = await trx
      .selectFrom("chapters")
      .select(["id", "slug"])
      .where(
        "slug",
        "in",
        demoChapters.map((c) => c.slug),
      )
      .execute();
    const chapterId = new Map(chapterRows.map((c) => [c.slug, c.id]));
    const chapterOrNull = (slug: string | null) => (slug === null ? null : lookup(chapterId, slug));

    const groupId = new Map(demoGroups.map((g) => [g.key as string, newId()]));
    await trx
      .insertInto("groups")
      .values(
        demoGroups.map((g) => ({
          id: lookup(groupId, g.key),
          chapter_id: chapterOrNull(g.chapter),
          name: g.name,
          description: g.description,
          audience: g.audience,
          join_policy: g.join_policy,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();

    const staffId = new Map(demoStaff.map((s) => [s.email, newId()]));
    await trx
      .insertInto("staff_users")
      .values(
        demoStaff.map((s) => ({
          id: lookup(staffId, s.email),
          email: s.email,
          display_name: s.display_name,
          role: s.role,
          password_hash: lookup(hashes, s.password),
          totp_secret: DEMO_TOTP_SECRET,
          totp_last_step: null,
          deactivated_at: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    const staffChapters = demoStaff.flatMap((s) =>
      s.chapters.map((slug) => ({ staff_id: lookup(staffId, s.email), chapter_id: lookup(chapterId, slug) })),
    );
    await trx.insertInto("staff_chapters").values(staffChapters).execute();

    const memberId = new Map(demoMembers.map((m) => [m.pseudonym, newId()]));
    const passphraseHash = lookup(hashes, DEMO_MEMBER_PASSPHRASE);
    await trx
      .insertInto("members")
      .values(
        demoMembers.map((m) => ({
          id: lookup(memberId, m.pseudonym),
          pseudonym: normalizePseudonym(m.pseudonym),
          pseudonym_key: pseudonymKey(m.pseudonym),
          pseudonym_case_key: pseudonymCaseKey(m.pseudonym),
          passphrase_hash: passphraseHash,
          chapter_id: lookup(chapterId, m.chapter),
          locale: m.locale ?? null,
          last_active_on: addDaysToDateInput(today, -m.lastActiveDaysAgo),
          deactivated_at: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    await trx
      .insertInto("group_memberships")
      .values(
        demoMembers.flatMap((m) => [
          ...m.groups.map((g) => ({
            member_id: lookup(memberId, m.pseudonym),
            group_id: lookup(groupId, g),
            status: "active" as const,
            created_at: at,
          })),
          ...(m.requested ?? []).map((g) => ({
            member_id: lookup(memberId, m.pseudonym),
            group_id: lookup(groupId, g),
            status: "requested" as const,
            created_at: at,
          })),
        ]),
      )
      .execute();

    const expiresAt = nowIso(new Date(now.getTime() + DEMO_INVITE_VALID_DAYS * DAY_MS));
    const invites = demoInvites.map((invite) => ({ ...invite, id: newId() }));
    await trx
      .insertInto("invites")
      .values(
        invites.map((invite) => ({
          id: invite.id,
          code_hash: hashSecret(normalizeReadableCode(invite.code)),
          chapter_id: lookup(chapterId, invite.chapter),
          created_by_staff_id: lookup(staffId, invite.createdBy),
          expires_at: expiresAt,
          revoked_at: null,
          used_at: null,
          created_at: at,
        })),
      )
      .execute();
    await trx
      .insertInto("invite_groups")
      .values(
        invites.flatMap((invite) => invite.groups.map((g) => ({ invite_id: invite.id, group_id: lookup(groupId, g) }))),
      )
      .execute();

    const seriesId = new Map<string, string>();
    const rows = activities.map((a) => {
      if (a.series !== null && !seriesId.has(a.series)) seriesId.set(a.series, newId());
      return { ...a, id: newId(), series_id: a.series === null ? null : lookup(seriesId, a.series) };
    });
    await trx
      .insertInto("activities")
      .values(
        rows.map((a) => ({
          id: a.id,
          chapter_id: chapterOrNull(a.chapter),
          group_id: a.group === null ? null : lookup(groupId, a.group),
          series_id: a.series_id,
          title: a.title,
          description: a.description,
          starts_at: a.starts_at,
          ends_at: a.ends_at,
          area: a.area,
          address: a.address,
          capacity: a.capacity,
          rsvp_deadline: a.rsvp_deadline,
          languages: a.languages,
          interpreter_available: a.interpreter_available,
          status: a.cancelled ? ("cancelled" as const) : ("scheduled" as const),
          cancelled_at: a.cancelled ? at : null,
          sequence: a.cancelled ? 1 : 0,
          created_by_staff_id: lookup(staffId, a.createdBy),
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();

    const rsvps = rows.flatMap((a) =>
      a.rsvps.map((r, i) => {
        // Answers arrived a few minutes apart, in the order of `arrival`.
        const answeredAt = nowIso(new Date(now.getTime() - (a.rsvps.length - i) * 7 * 60 * 1000));
        return {
          id: newId(),
          activity_id: a.id,
          member_id: lookup(memberId, r.pseudonym),
          status: r.status,
          arrival: i + 1,
          note: r.note ?? null,
          show_pseudonym: r.show_pseudonym,
          created_at: answeredAt,
          updated_at: answeredAt,
        };
      }),
    );
    // Well below SQLite's limit on bound variables per statement.
    for (let i = 0; i < rsvps.length; i += 500)
      await trx
        .insertInto("rsvps")
        .values(rsvps.slice(i, i + 500))
        .execute();

    // Who came to the past activities, so the report for funders has numbers on a fresh demo.
    const checkIns = rows.flatMap((a) =>
      (a.came ?? []).map((pseudonym) => ({
        activity_id: a.id,
        member_id: lookup(memberId, pseudonym),
        checked_in_at: a.starts_at,
      })),
    );
    for (let i = 0; i < checkIns.length; i += 500)
      await trx
        .insertInto("check_ins")
        .values(checkIns.slice(i, i + 500))
        .execute();
    const walkIns = rows.filter((a) => (a.walkIns ?? 0) > 0).map((a) => ({ activity_id: a.id, count: a.walkIns ?? 0 }));
    if (walkIns.length > 0) await trx.insertInto("walk_in_counts").values(walkIns).execute();

    return {
      seeded: true,
      chapters: Number(chapterInsert?.numInsertedOrUpdatedRows ?? 0),
      groups: demoGroups.length,
      staff: demoStaff.length,
      members: demoMembers.length,
      invites: invites.length,
      activities: rows.length,
      rsvps: rsvps.length,
    };
  });
}

export function describeSeed(summary: SeedSummary): string {
  if (!summary.seeded) return "Demo data is already there; nothing added.";
  const { chapters, groups, staff, members, invites, activities, rsvps } = summary;
  return `Demo data added: ${chapters} chapters, ${groups} groups, ${staff} staff, ${members} members, ${invites} invites, ${activities} activities, ${rsvps} RSVPs.`;
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? "")).href) {
  const location = locationFromEnvironment(process.env);
  const file = describeLocation(location);
  const { db } = openConfiguredDatabase(location);
  try {
    await migrateToLatest(db);
    console.log(`${file}: ${describeSeed(await seedDemoData(db))}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}
