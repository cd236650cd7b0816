import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { seedDemoData } from "../../scripts/seed";
import { loadReportForStaff } from "~/features/reports/reports.server";
import { formatOsloDateInput } from "~/platform/oslo-time";
import { hashSecret, normalizeReadableCode } from "~/platform/secrets.server";
import { setHashParamsForTests, verifyPassword } from "~/platform/password.server";
import { TEST_HASH_PARAMS } from "../setup/unit";
import { checkPseudonym } from "~/features/members/pseudonym";
import { createTestDatabase, type TestDatabase } from "../setup/db";

const DAY_MS = 24 * 60 * 60 * 1000;
const EIGHT_WEEKS_MS = 56 * DAY_MS;

const osloFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Oslo",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "longOffset",
});
function oslo(instant: Date | string) {
  const parts = Object.fromEntries(osloFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    offset: parts.timeZoneName,
  };
}

/** Found by watching Oslo's UTC offset hour by hour, independently of the seed's own rule. */
function nextOsloClockChangeDate(now: Date): string {
  const start = oslo(now).offset;
  for (let t = now.getTime(); t < now.getTime() + 400 * DAY_MS; t += 60 * 60 * 1000) {
    if (oslo(new Date(t)).offset !== start) return oslo(new Date(t)).date;
  }
  throw new Error("no clock change within 400 days");
}

async function rowCounts(db: TestDatabase["db"]) {
  const tables = [
    "chapters",
    "groups",
    "staff_users",
    "staff_chapters",
    "members",
    "group_memberships",
    "invites",
    "invite_groups",
    "activities",
    "rsvps",
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select(sql<number>`cast(count(*) as integer)`.as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = row.n;
  }
  return counts;
}

beforeAll(() => setHashParamsForTests(TEST_HASH_PARAMS));

// The real clock, a winter day whose next clock change is months away, and a day in summer time
// eight days before the October change, so the eight weeks planned cross it.
describe.each([
  ["now", new Date()],
  ["late November", new Date("2026-11-26T04:28:00Z")],
  ["just before the October change", new Date("2027-10-23T21:45:00Z")],
])("demo seed (%s)", (_label, now) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db, { now });
  });
  afterEach(() => database.close());

  // The coming activities; the past ones (held, with check-ins) are for the report and tested below.
  const activities = () =>
    database.db
      .selectFrom("activities")
      .selectAll()
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("check_ins").select("member_id").whereRef("check_ins.activity_id", "=", "activities.id"),
          ),
        ),
      )
      .execute();

  it("holds three months of past activities with check-ins, so the report shows real and suppressed numbers", async () => {
    const past = await database.db
      .selectFrom("activities")
      .selectAll()
      .where((eb) =>
        eb.exists(
          eb.selectFrom("check_ins").select("member_id").whereRef("check_ins.activity_id", "=", "activities.id"),
        ),
      )
      .execute();
    expect(past.length).toBeGreaterThanOrEqual(10);
    for (const a of past) expect(Date.parse(a.ends_at)).toBeLessThan(now.getTime());
    const months = new Set(past.map((a) => a.starts_at.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(3);
    const admin = await database.db
      .selectFrom("staff_users")
      .select(["id", "role"])
      .where("role", "=", "admin")
      .executeTakeFirstOrThrow();
    const { report } = await loadReportForStaff(
      database.db,
      { ...admin, chapterIds: [] },
      // The last hundred days, as a coordinator would ask for them (a report spans at most 36 months).
      {
        params: new URLSearchParams({
          period: "dates",
          from: formatOsloDateInput(new Date(now.getTime() - 100 * 24 * 3600 * 1000).toISOString()),
          to: formatOsloDateInput(now.toISOString()),
        }),
      },
      now,
    );
    expect(report.total.attendances).toMatchObject({ kind: "shown" });
    expect((report.total.attendances as { value: number }).value).toBeGreaterThanOrEqual(10);
    expect(report.anyHidden).toBe(true);
  });
  const groupByName = (name: string) =>
    database.db.selectFrom("groups").selectAll().where("name", "=", name).executeTakeFirstOrThrow();

  it("adds nothing when the demo data is already there", async () => {
    const before = await rowCounts(database.db);
    const again = await seedDemoData(database.db, { now });
    expect(again.seeded).toBe(false);
    expect(await rowCounts(database.db)).toEqual(before);
    expect(before.activities).toBeGreaterThan(0);
  });

  it("plans at least 40 activities in the next eight weeks, and one more only on the clock-change day", async () => {
    const clockChangeDate = nextOsloClockChangeDate(now);
    const all = await activities();
    const outside = all.filter((a) => Date.parse(a.starts_at) - now.getTime() >= EIGHT_WEEKS_MS);
    const inside = all.filter((a) => Date.parse(a.starts_at) - now.getTime() < EIGHT_WEEKS_MS);

    expect(inside.length).toBeGreaterThanOrEqual(40);
    for (const a of all) {
      expect(Date.parse(a.starts_at)).toBeGreaterThan(now.getTime());
      expect(Date.parse(a.ends_at)).toBeGreaterThan(Date.parse(a.starts_at));
    }
    expect(outside.every((a) => oslo(a.starts_at).date === clockChangeDate)).toBe(true);
    expect(outside.length).toBeLessThanOrEqual(1);
  });

  it("puts one activity on the next clock-change day at 13:00 Oslo time", async () => {
    const clockChangeDate = nextOsloClockChangeDate(now);
    const onThatDay = (await activities()).filter((a) => oslo(a.starts_at).date === clockChangeDate);
    expect(onThatDay.length).toBeGreaterThanOrEqual(1);
    const walk = onThatDay.find((a) => a.title.includes("tur langs Akerselva"));
    expect(walk).toBeDefined();
    expect(oslo(walk!.starts_at).time).toBe("13:00");
    expect(oslo(walk!.ends_at).time).toBe("15:00");
    // Summer time (UTC+2) in the afternoon after the March change, winter time after October's.
    const afterChange = oslo(walk!.starts_at).offset;
    expect(afterChange).toBe(clockChangeDate.slice(5, 7) === "03" ? "GMT+02:00" : "GMT+01:00");
  });

  it("plans weekly activities at the same Oslo time on both sides of a clock change", async () => {
    const football = (await activities()).filter((a) => a.title === "Fotball for gutta" && a.area === "Fana");
    expect(football.length).toBeGreaterThanOrEqual(6);
    expect(new Set(football.map((a) => a.series_id)).size).toBe(1);
    for (const a of football) expect(oslo(a.starts_at).time).toBe("19:00");
  });

  it("creates exactly the demo staff, with the second factor already set up", async () => {
    const staff = await database.db.selectFrom("staff_users").selectAll().orderBy("email").execute();
    expect(staff.map((s) => [s.email, s.role])).toEqual([
      ["admin@example.org", "admin"],
      ["bergen@example.org", "coordinator"],
      ["oslo@example.org", "coordinator"],
    ]);
    expect(staff.every((s) => s.totp_secret === "JBSWY3DPEHPK3PXP" && s.deactivated_at === null)).toBe(true);
    expect((await verifyPassword("demo-admin-pass", staff[0]!.password_hash)).ok).toBe(true);
    expect((await verifyPassword("demo-coordinator-pass", staff[1]!.password_hash)).ok).toBe(true);

    const scopes = await database.db
      .selectFrom("staff_chapters")
      .innerJoin("staff_users", "staff_users.id", "staff_chapters.staff_id")
      .innerJoin("chapters", "chapters.id", "staff_chapters.chapter_id")
      .select(["staff_users.email", "chapters.slug"])
      .orderBy("staff_users.email")
      .execute();
    expect(scopes).toEqual([
      { email: "bergen@example.org", slug: "bergen" },
      { email: "oslo@example.org", slug: "oslo" },
    ]);
  });

  it("creates Solsikke in the Oslo women's group and Fjellrev in the Bergen men's group", async () => {
    const membershipsOf = (pseudonym: string) =>
      database.db
        .selectFrom("members")
        .innerJoin("chapters", "chapters.id", "members.chapter_id")
        .innerJoin("group_memberships", "group_memberships.member_id", "members.id")
        .innerJoin("groups", "groups.id", "group_memberships.group_id")
        .select([
          "chapters.slug",
          "groups.name",
          "groups.audience",
          "group_memberships.status",
          "members.passphrase_hash",
        ])
        .where("members.pseudonym", "=", pseudonym)
        .execute();

    const solsikke = await membershipsOf("Solsikke");
    expect(solsikke.map(({ slug, name, audience, status }) => ({ slug, name, audience, status }))).toEqual([
      { slug: "oslo", name: "Kvinnegruppa Oslo", audience: "women", status: "active" },
    ]);
    expect((await verifyPassword("demo-member-pass", solsikke[0]!.passphrase_hash)).ok).toBe(true);

    const fjellrev = await membershipsOf("Fjellrev");
    expect(fjellrev.map(({ slug, name, audience, status }) => ({ slug, name, audience, status }))).toEqual([
      { slug: "bergen", name: "Gutta i Bergen", audience: "men", status: "active" },
    ]);
  });

  it("gives every demo member a valid pseudonym, its key, and at least one group", async () => {
    const members = await database.db
      .selectFrom("members")
      .leftJoin("group_memberships", "group_memberships.member_id", "members.id")
      .select(["members.pseudonym", "members.pseudonym_key"])
      .select(sql<number>`cast(count(group_memberships.group_id) as integer)`.as("groups"))
      .groupBy(["members.id", "members.pseudonym", "members.pseudonym_key"])
      .execute();
    expect(members.length).toBeGreaterThanOrEqual(17);
    for (const m of members) {
      expect(checkPseudonym(m.pseudonym)).toEqual({ ok: true, pseudonym: m.pseudonym });
      expect(m.pseudonym_key).toBe(m.pseudonym_key.toLowerCase());
      expect(m.groups).toBeGreaterThan(0);
    }
  });

  it("stores invite codes so the typed code, in any case, finds them by hash", async () => {
    const findInvite = (typed: string) =>
      database.db
        .selectFrom("invites")
        .innerJoin("chapters", "chapters.id", "invites.chapter_id")
        .innerJoin("invite_groups", "invite_groups.invite_id", "invites.id")
        .innerJoin("groups", "groups.id", "invite_groups.group_id")
        .select(["chapters.slug", "groups.name", "invites.used_at", "invites.revoked_at", "invites.expires_at"])
        .where("invites.code_hash", "=", hashSecret(normalizeReadableCode(typed)))
        .execute();

    const oslo = await findInvite("demo-oslo-0001");
    expect(oslo).toEqual([
      {
        slug: "oslo",
        name: "Kvinnegruppa Oslo",
        used_at: null,
        revoked_at: null,
        expires_at: new Date(now.getTime() + 90 * DAY_MS).toISOString(),
      },
    ]);
    expect((await findInvite("DEMO BERGEN 0005")).map((i) => [i.slug, i.name])).toEqual([["bergen", "Gutta i Bergen"]]);
    expect(await findInvite("DEMO-OSLO-0006")).toEqual([]);
    const total = await database.db
      .selectFrom("invites")
      .select(sql<number>`cast(count(*) as integer)`.as("n"))
      .executeTakeFirstOrThrow();
    expect(total.n).toBe(10);
  });

  it("has a full Oslo women's activity a few days ahead with a waitlist Solsikke is not on", async () => {
    const full = await database.db
      .selectFrom("activities")
      .innerJoin("rsvps", "rsvps.activity_id", "activities.id")
      .select(["activities.id", "activities.capacity", "activities.group_id", "activities.starts_at"])
      .select([
        sql<number>`cast(sum(case when rsvps.status = 'going' then 1 else 0 end) as integer)`.as("going"),
        sql<number>`cast(sum(case when rsvps.status = 'waitlisted' then 1 else 0 end) as integer)`.as("waitlisted"),
      ])
      .where("activities.capacity", "is not", null)
      .groupBy(["activities.id", "activities.capacity", "activities.group_id", "activities.starts_at"])
      .having(sql<boolean>`sum(case when rsvps.status = 'going' then 1 else 0 end) = activities.capacity`)
      .execute();
    expect(full).toHaveLength(1);
    const [activity] = full;
    expect(activity!.waitlisted).toBeGreaterThanOrEqual(1);
    expect(activity!.group_id).toBe((await groupByName("Kvinnegruppa Oslo")).id);
    expect(Date.parse(activity!.starts_at) - now.getTime()).toBeLessThan(7 * DAY_MS);

    const answers = await database.db
      .selectFrom("rsvps")
      .innerJoin("members", "members.id", "rsvps.member_id")
      .select(["members.pseudonym", "rsvps.status", "rsvps.arrival"])
      .where("rsvps.activity_id", "=", activity!.id)
      .orderBy("rsvps.arrival")
      .execute();
    expect(answers.map((a) => a.pseudonym)).not.toContain("Solsikke");
    // The waitlist is promoted in order of arrival, so it comes after everyone who got a place.
    const firstWaiting = answers.findIndex((a) => a.status === "waitlisted");
    expect(answers.slice(firstWaiting).every((a) => a.status === "waitlisted")).toBe(true);
  });

  it("never has more going than an activity's capacity", async () => {
    const overbooked = await database.db
      .selectFrom("activities")
      .innerJoin("rsvps", "rsvps.activity_id", "activities.id")
      .select("activities.id")
      .where("activities.capacity", "is not", null)
      .where("rsvps.status", "=", "going")
      .groupBy("activities.id")
      .having(sql<boolean>`count(*) > activities.capacity`)
      .execute();
    expect(overbooked).toEqual([]);
  });

  it("has exactly one cancelled activity, marked as a change for calendars", async () => {
    const cancelled = (await activities()).filter((a) => a.status === "cancelled");
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.cancelled_at).not.toBeNull();
    expect(cancelled[0]!.sequence).toBeGreaterThanOrEqual(1);
  });

  it("sets RSVP deadlines after now and before the start", async () => {
    const withDeadline = (await activities()).filter((a) => a.rsvp_deadline !== null);
    expect(withDeadline.length).toBeGreaterThan(0);
    for (const a of withDeadline) {
      expect(Date.parse(a.rsvp_deadline!)).toBeGreaterThan(now.getTime());
      expect(Date.parse(a.rsvp_deadline!)).toBeLessThan(Date.parse(a.starts_at));
    }
  });

  it("numbers each activity's RSVPs 1, 2, 3, … in order of arrival", async () => {
    const rsvps = await database.db.selectFrom("rsvps").select(["activity_id", "arrival"]).orderBy("arrival").execute();
    const byActivity = new Map<string, number[]>();
    for (const r of rsvps) byActivity.set(r.activity_id, [...(byActivity.get(r.activity_id) ?? []), r.arrival]);
    for (const arrivals of byActivity.values()) expect(arrivals).toEqual(arrivals.map((_, i) => i + 1));
  });

  it("only lets members answer activities they can see", async () => {
    const strangers = await database.db
      .selectFrom("rsvps")
      .innerJoin("activities", "activities.id", "rsvps.activity_id")
      .innerJoin("members", "members.id", "rsvps.member_id")
      .leftJoin("group_memberships", (join) =>
        join
          .onRef("group_memberships.group_id", "=", "activities.group_id")
          .onRef("group_memberships.member_id", "=", "members.id")
          .on("group_memberships.status", "=", "active"),
      )
      .select(["members.pseudonym", "activities.title"])
      .where((eb) =>
        eb.or([
          eb.and([eb("activities.group_id", "is not", null), eb("group_memberships.member_id", "is", null)]),
          eb.and([
            eb("activities.group_id", "is", null),
            eb("activities.chapter_id", "!=", eb.ref("members.chapter_id")),
          ]),
        ]),
      )
      .execute();
    expect(strangers).toEqual([]);
  });

  it("gives Solsikke and Fjellrev one going answer each, one of them showing the pseudonym", async () => {
    const going = await database.db
      .selectFrom("rsvps")
      .innerJoin("members", "members.id", "rsvps.member_id")
      .select(["members.pseudonym", "rsvps.show_pseudonym"])
      .where("members.pseudonym", "in", ["Solsikke", "Fjellrev"])
      .where("rsvps.status", "=", "going")
      .orderBy("members.pseudonym")
      .execute();
    expect(going.map((r) => r.pseudonym)).toEqual(["Fjellrev", "Solsikke"]);
    expect(going.some((r) => r.show_pseudonym === 1)).toBe(true);
  });

  it("has men's groups in at least two chapters outside Oslo and a national group", async () => {
    const mensChapters = await database.db
      .selectFrom("groups")
      .innerJoin("chapters", "chapters.id", "groups.chapter_id")
      .select("chapters.slug")
      .distinct()
      .where("groups.audience", "=", "men")
      .where("chapters.slug", "!=", "oslo")
      .execute();
    expect(mensChapters.length).toBeGreaterThanOrEqual(2);

    const national = await database.db.selectFrom("groups").selectAll().where("chapter_id", "is", null).execute();
    expect(national.map((g) => g.audience)).toEqual(["everyone"]);
    const nationalActivities = (await activities()).filter((a) => a.chapter_id === null);
    expect(nationalActivities.length).toBeGreaterThan(0);
    expect(nationalActivities.every((a) => a.group_id === national[0]!.id)).toBe(true);
  });

  it("covers every chapter and every group with activities", async () => {
    const all = await activities();
    const chapters = await database.db.selectFrom("chapters").select("id").execute();
    const groups = await database.db.selectFrom("groups").select("id").execute();
    for (const c of chapters) expect(all.some((a) => a.chapter_id === c.id)).toBe(true);
    for (const g of groups) expect(all.some((a) => a.group_id === g.id)).toBe(true);
    expect(all.some((a) => a.chapter_id !== null && a.group_id === null)).toBe(true);
  });
});
