import { sql } from "kysely";
import { openDatabase } from "../../db/connection";
import { migrateDownToNothing, migrateToLatest } from "../../db/migrator";
import { createTestDatabase, type TestDatabase } from "../setup/db";

const DOMAIN_TABLES = [
  "activities",
  "audit_log",
  "chapters",
  "feed_tokens",
  "group_memberships",
  "groups",
  "invite_groups",
  "invites",
  "members",
  "rate_limits",
  "recovery_codes",
  "reset_codes",
  "rsvps",
  "sessions",
  "staff_chapters",
  "staff_users",
];

let database: TestDatabase | undefined;
afterEach(() => database?.close());

/** Every table and index with the SQL that made it, except Kysely's own bookkeeping. */
function schemaOf(sqlite: TestDatabase["sqlite"]) {
  return sqlite
    .prepare(
      `select type, name, sql from sqlite_master
       where name not like 'kysely_%' and name not like 'sqlite_%' order by type, name`,
    )
    .all() as Array<{ type: string; name: string; sql: string | null }>;
}

const tableNames = (schema: ReturnType<typeof schemaOf>) => schema.filter((s) => s.type === "table").map((s) => s.name);

describe("migrations", () => {
  test("create every domain table on a fresh database", async () => {
    database = await createTestDatabase();
    expect(tableNames(schemaOf(database.sqlite))).toEqual(expect.arrayContaining(DOMAIN_TABLES));
  });

  test("run down to nothing and up again to the same schema", async () => {
    database = await createTestDatabase();
    const migrated = schemaOf(database.sqlite);

    await migrateDownToNothing(database.db);
    expect(schemaOf(database.sqlite)).toEqual([]);

    const again = await migrateToLatest(database.db);
    expect(again.results?.length).toBeGreaterThan(0);
    expect(schemaOf(database.sqlite)).toEqual(migrated);
  });

  test("are a no-op on a database that is already up to date", async () => {
    database = await createTestDatabase();
    const result = await migrateToLatest(database.db);
    expect(result.results).toEqual([]);
  });
});

describe("the database connection", () => {
  test("uses WAL on a file, FULL synchronous writes, foreign keys and a busy timeout", async () => {
    database = await createTestDatabase({ file: true });
    const { sqlite } = database;
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBeGreaterThan(0);
  });

  test("refuses a row that points at a chapter that does not exist", async () => {
    database = await createTestDatabase();
    const insert = sql`insert into groups (id, chapter_id, name, audience, created_at, updated_at)
      values ('g1', 'no-such-chapter', 'Gruppe', 'everyone', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`;
    await expect(insert.execute(database.db)).rejects.toThrow(/FOREIGN KEY constraint failed/);
  });

  test("creates the folder of a database file that does not exist yet", async () => {
    database = await createTestDatabase({ file: true });
    const nested = database.filename.replace(/test\.sqlite$/, "nested/deeper/app.sqlite");
    const opened = openDatabase(nested);
    try {
      expect(opened.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      await opened.db.destroy();
    }
  });
});

describe("recomputing pseudonym keys (2026-12-01T1900)", () => {
  test("gives existing members the new keys and keeps both members of a look-alike pair able to sign in", async () => {
    const { createMigrator } = await import("../../db/migrator");
    const { signInMember } = await import("~/features/members/member-account.server");
    const { hashPassword } = await import("~/platform/password.server");
    const { pseudonymCaseKey, pseudonymKey } = await import("~/features/members/pseudonym");
    const opened = openDatabase(":memory:");
    database = { ...opened, filename: ":memory:", close: () => opened.db.destroy() };
    const before = await createMigrator(opened.db).migrateTo("2026-11-26T1420_activities_upcoming_index");
    expect(before.error).toBeUndefined();
    const at = "2026-11-27T10:00:00.000Z";
    await sql`insert into chapters (id, slug, name, region, created_at, updated_at) values ('c1', 'oslo', 'Oslo', 'Østlandet', ${at}, ${at})`.execute(
      opened.db,
    );
    const hash = await hashPassword("en lang og god frase");
    // Keys as the old function made them (lower-case, then the map, no NFD): these pairs did not collide.
    const old = [
      ["m1", "Hiba", "hiba", "2026-11-27T10:00:00.000Z"],
      ["m2", "\u0397iba", "n\u0329iba", "2026-11-28T10:00:00.000Z"],
      ["m3", "Zoë", "zoë", "2026-11-27T11:00:00.000Z"],
      ["m4", "Solsikke", "solsikke", "2026-11-27T12:00:00.000Z"],
    ];
    for (const [id, pseudonym, key, created] of old) {
      await sql`insert into members (id, pseudonym, pseudonym_key, passphrase_hash, chapter_id, created_at, updated_at)
        values (${id}, ${pseudonym}, ${key}, ${hash}, 'c1', ${created}, ${created})`.execute(opened.db);
    }
    await migrateToLatest(opened.db);

    const rows = await sql<{ id: string; pseudonym_key: string; pseudonym_case_key: string }>`
      select id, pseudonym_key, pseudonym_case_key from members order by id`.execute(opened.db);
    expect(rows.rows).toEqual([
      { id: "m1", pseudonym_key: pseudonymKey("Hiba"), pseudonym_case_key: pseudonymCaseKey("Hiba") },
      // Joined later than m1 and looks like her: keeps her account, not the look-alike key.
      { id: "m2", pseudonym_key: "#m2", pseudonym_case_key: pseudonymCaseKey("\u0397iba") },
      { id: "m3", pseudonym_key: pseudonymKey("Zoë"), pseudonym_case_key: pseudonymCaseKey("Zoë") },
      { id: "m4", pseudonym_key: pseudonymKey("Solsikke"), pseudonym_case_key: pseudonymCaseKey("Solsikke") },
    ]);
    for (const [id, pseudonym] of old) {
      expect(
        await signInMember(opened.db, { pseudonym: pseudonym!, passphrase: "en lang og god frase", ownDevice: false }),
      ).toMatchObject({
        ok: true,
        memberId: id,
      });
    }
  });
});
