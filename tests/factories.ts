// Rows for integration tests, with defaults that satisfy every constraint. Pass only what the
// test is about; everything else gets a unique, sensible value.
import type { AppDatabase } from "../db/connection";
import type {
  Activity,
  Chapter,
  Group,
  Member,
  MembershipStatus,
  NewActivity,
  NewChapter,
  NewGroup,
  NewMember,
  NewStaffUser,
  Rsvp,
  RsvpStatus,
  StaffUser,
} from "../db/schema";
import { pseudonymCaseKey, pseudonymKey } from "~/features/members/pseudonym";
import { hashPassword } from "~/platform/password.server";
import { newId, nowIso } from "~/platform/ids.server";

let sequence = 0;
const next = () => ++sequence;

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createChapter(db: AppDatabase, fields: Partial<NewChapter> = {}): Promise<Chapter> {
  const n = next();
  const now = nowIso();
  return db
    .insertInto("chapters")
    .values({
      id: newId(),
      slug: `lokallag-${n}`,
      name: `Lokallag ${n}`,
      region: "Østlandet",
      created_at: now,
      updated_at: now,
      ...fields,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** `chapter_id: null` makes a national/online group. */
export async function createGroup(
  db: AppDatabase,
  fields: Partial<NewGroup> & Pick<Group, "chapter_id">,
): Promise<Group> {
  const n = next();
  const now = nowIso();
  return db
    .insertInto("groups")
    .values({
      id: newId(),
      name: `Gruppe ${n}`,
      description: "",
      audience: "everyone",
      join_policy: "approval",
      created_at: now,
      updated_at: now,
      ...fields,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const DEFAULT_STAFF_PASSWORD = "lang og trygg testfrase for ansatte";

/** A coordinator unless `role` says otherwise; `chapterIds` are the chapters they work in. */
export async function createStaff(
  db: AppDatabase,
  {
    chapterIds = [],
    password = DEFAULT_STAFF_PASSWORD,
    ...fields
  }: Partial<NewStaffUser> & {
    chapterIds?: string[];
    password?: string;
  } = {},
): Promise<StaffUser & { password: string }> {
  const n = next();
  const now = nowIso();
  const staff = await db
    .insertInto("staff_users")
    .values({
      id: newId(),
      email: `ansatt${n}@example.org`,
      display_name: `Ansatt ${n}`,
      role: "coordinator",
      password_hash: await hashPassword(password),
      created_at: now,
      updated_at: now,
      ...fields,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (chapterIds.length > 0) {
    await db
      .insertInto("staff_chapters")
      .values(chapterIds.map((chapter_id) => ({ staff_id: staff.id, chapter_id })))
      .execute();
  }
  return { ...staff, password };
}

export const DEFAULT_MEMBER_PASSPHRASE = "fjellet havet og stille morgener";

/** `groupIds` become active memberships; pass `membershipStatus: "requested"` for pending ones. */
export async function createMember(
  db: AppDatabase,
  {
    groupIds = [],
    membershipStatus = "active",
    passphrase = DEFAULT_MEMBER_PASSPHRASE,
    ...fields
  }: Partial<Omit<NewMember, "pseudonym_key" | "pseudonym_case_key">> &
    Pick<NewMember, "chapter_id"> & {
      groupIds?: string[];
      membershipStatus?: MembershipStatus;
      passphrase?: string;
    },
): Promise<Member & { passphrase: string }> {
  const n = next();
  const now = nowIso();
  const pseudonym = fields.pseudonym ?? `Medlem ${n}`;
  const member = await db
    .insertInto("members")
    .values({
      id: newId(),
      passphrase_hash: await hashPassword(passphrase),
      locale: null,
      created_at: now,
      updated_at: now,
      ...fields,
      pseudonym,
      pseudonym_key: pseudonymKey(pseudonym),
      pseudonym_case_key: pseudonymCaseKey(pseudonym),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (groupIds.length > 0) {
    await db
      .insertInto("group_memberships")
      .values(
        groupIds.map((group_id) => ({ member_id: member.id, group_id, status: membershipStatus, created_at: now })),
      )
      .execute();
  }
  return { ...member, passphrase };
}

/** A week from now, two hours long, unless `starts_at`/`ends_at` say otherwise. */
export async function createActivity(
  db: AppDatabase,
  fields: Partial<NewActivity> & Pick<Activity, "chapter_id">,
): Promise<Activity> {
  const n = next();
  const now = new Date();
  const startsAt = fields.starts_at ?? nowIso(new Date(now.getTime() + 7 * DAY_MS));
  return db
    .insertInto("activities")
    .values({
      id: newId(),
      group_id: null,
      title: `Aktivitet ${n}`,
      description: "",
      ends_at: nowIso(new Date(Date.parse(startsAt) + 2 * 60 * 60 * 1000)),
      area: "Sentrum",
      address: null,
      capacity: null,
      languages: "nb",
      status: "scheduled",
      created_at: nowIso(now),
      updated_at: nowIso(now),
      ...fields,
      starts_at: startsAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Arrives after every earlier RSVP to the same activity unless `arrival` is given. */
export async function createRsvp(
  db: AppDatabase,
  fields: { activity_id: string; member_id: string; status?: RsvpStatus; arrival?: number; note?: string | null },
): Promise<Rsvp> {
  const now = nowIso();
  const arrival =
    fields.arrival ??
    ((
      await db
        .selectFrom("rsvps")
        .select((eb) => eb.fn.max("arrival").as("last"))
        .where("activity_id", "=", fields.activity_id)
        .executeTakeFirst()
    )?.last ?? 0) + 1;
  return db
    .insertInto("rsvps")
    .values({
      id: newId(),
      status: "going",
      created_at: now,
      updated_at: now,
      ...fields,
      arrival,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
