// /interest counts a wish and keeps nothing that could point to the person who made it.
import { sql } from "kysely";
import { action, loader } from "~/routes/interest";
import type { AppDatabase } from "../../db/connection";
import { useTestDatabase } from "../setup/db";
import { createChapter, createMember } from "../factories";
import { call, memberCookie } from "./support/staff";
import { recordInterest, INTEREST_LIMIT_PER_DAY } from "~/features/demand/interest.server";

const database = useTestDatabase();
const CLIENT = "203.0.113.77";
const USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) UniqueAgent/4711";

async function submit(fields: Array<[string, string]>, { cookie }: { cookie?: string } = {}) {
  const request = new Request("http://localhost/interest", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "User-Agent": USER_AGENT,
      "Accept-Language": "nb-NO",
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
  const result = (await action({ request, params: {}, context: { clientAddress: CLIENT } } as never)) as any;
  return result?.type === "DataWithResponseInit"
    ? { status: result.init?.status ?? 200, headers: new Headers(result.init?.headers), data: result.data }
    : { status: 200, headers: new Headers(), data: result };
}

/** Every row of every table, by table. */
async function everyRow(db: AppDatabase): Promise<Record<string, Array<Record<string, unknown>>>> {
  const tables = await db.introspection.getTables();
  const dump: Record<string, Array<Record<string, unknown>>> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    dump[table.name] = rows;
  }
  return dump;
}

/** The rows a submission added or changed, by table. */
function changedRows(
  before: Record<string, Array<Record<string, unknown>>>,
  after: Record<string, Array<Record<string, unknown>>>,
) {
  const changed: Record<string, Array<Record<string, unknown>>> = {};
  for (const [table, rows] of Object.entries(after)) {
    const old = new Set((before[table] ?? []).map((r) => JSON.stringify(r)));
    const fresh = rows.filter((r) => !old.has(JSON.stringify(r)));
    if (fresh.length > 0) changed[table] = fresh;
  }
  return changed;
}

// Times finer than a month: a date, or a date and time.
const FINE_TIME = /\d{4}-\d{2}-\d{2}/;

const TROMSO = [
  ["county", "55"],
  ["municipality", "5501"],
  ["audience", "women"],
  ["language", "ar"],
] as Array<[string, string]>;

describe("/interest", () => {
  test("lists the 15 counties with their municipalities, Sami names included", async () => {
    const { data } = await call(loader, "/interest");
    expect(data.counties).toHaveLength(15);
    expect(data.counties.reduce((n: number, c: any) => n + c.municipalities.length, 0)).toBe(357);
    const troms = data.counties.find((c: any) => c.number === "55");
    expect(troms.name).toBe("Troms - Romsa - Tromssa");
    expect(troms.municipalities).toContainEqual({ number: "5501", name: "Tromsø" });
    expect(data.counties.find((c: any) => c.number === "56").municipalities).toContainEqual({
      number: "5612",
      name: "Guovdageaidnu - Kautokeino",
    });
  });

  test("counts a wish by month and stores no address, user agent, time of day or session", async () => {
    const { db } = database();
    // The rate-limit key exists before, as it does on any server that has run a while.
    await recordInterest(db, { client: "198.51.100.1" }, { interest: anyInterest() });
    const before = await everyRow(db);

    const res = await submit(TROMSO);

    expect(res.status).toBe(200);
    expect(res.data.stored).toMatchObject({ county: "Troms - Romsa - Tromssa", municipality: "Tromsø" });
    const changed = changedRows(before, await everyRow(db));
    // Only two tables change: the month's count, and the rate limiter's keyed-hash counter.
    expect(Object.keys(changed).sort()).toEqual(["interest_counts", "rate_limits"]);
    expect(changed.interest_counts).toEqual([
      {
        month: expect.stringMatching(/^\d{4}-\d{2}$/),
        county_number: "55",
        municipality_number: "5501",
        audience: "women",
        language: "ar",
        count: 1,
      },
    ]);
    // The limiter keeps what it keeps for sign-ins: a keyed hash and the start of a day-long window.
    expect(changed.rate_limits).toEqual([
      {
        key: expect.stringMatching(/^interest-ip\/86400:[A-Za-z0-9_-]{43}$/),
        window_start: expect.any(String),
        count: 1,
      },
    ]);
    expect(changed.rate_limits![0]!.window_start).toMatch(/T00:00:00\.000Z$/);

    const everything = JSON.stringify(await everyRow(db));
    expect(everything).not.toContain(CLIENT);
    expect(everything).not.toContain("UniqueAgent");
    expect(JSON.stringify(changed.interest_counts)).not.toMatch(FINE_TIME);
  });

  test("a second wish for the same place adds one to the same count", async () => {
    const { db } = database();
    await submit(TROMSO);
    await submit(TROMSO);
    const rows = await db.selectFrom("interest_counts").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBe(2);
  });

  test("a signed-in member's wish is counted the same way, not linked to her account or session", async () => {
    const { db } = database();
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    const cookie = await memberCookie(db, member.id);
    await recordInterest(db, { client: "198.51.100.1" }, { interest: anyInterest() });
    const before = await everyRow(db);

    const res = await submit(TROMSO, { cookie });

    expect(res.status).toBe(200);
    const changed = changedRows(before, await everyRow(db));
    expect(Object.keys(changed).sort()).toEqual(["interest_counts", "rate_limits"]);
    const counted = JSON.stringify(changed);
    expect(counted).not.toContain(member.id);
    expect(counted).not.toContain(member.pseudonym);
    const sessions = await db.selectFrom("sessions").select("id").execute();
    for (const s of sessions) expect(counted).not.toContain(s.id);
  });

  test("refuses a municipality that is not in the chosen county, keeps the other answers, saves nothing", async () => {
    const { db } = database();
    // Bergen (4601) is in Vestland, not in Troms.
    const res = await submit([
      ["county", "55"],
      ["municipality", "4601"],
      ["audience", "men"],
      ["language", "so"],
    ]);
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ municipality: "interest.municipalityNotInCounty" });
    expect(res.data.values).toMatchObject({ county: "55", municipality: "4601", audience: "men", language: "so" });
    expect(await db.selectFrom("interest_counts").selectAll().execute()).toEqual([]);
  });

  test("names each missing or unknown field and keeps the rest", async () => {
    const res = await submit([
      ["county", "99"],
      ["municipality", ""],
      ["language", "xx"],
    ]);
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({
      county: "interest.chooseCounty",
      audience: "interest.chooseAudience",
      language: "interest.chooseLanguage",
    });
    expect(res.data.values).toMatchObject({ county: "99", language: "xx" });
  });

  test("a wish without a municipality or language is counted for the county alone", async () => {
    const { db } = database();
    const res = await submit([
      ["county", "03"],
      ["audience", "everyone"],
    ]);
    expect(res.status).toBe(200);
    expect(
      await db.selectFrom("interest_counts").select(["county_number", "municipality_number", "language"]).execute(),
    ).toEqual([{ county_number: "03", municipality_number: "", language: "" }]);
  });

  test(`takes ${INTEREST_LIMIT_PER_DAY} wishes a day from one address, then answers 429 with the form kept`, async () => {
    const { db } = database();
    for (let i = 0; i < INTEREST_LIMIT_PER_DAY; i++) expect((await submit(TROMSO)).status).toBe(200);
    const refused = await submit(TROMSO);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.data.errors).toEqual({ form: "interest.tooManyAttempts" });
    expect(refused.data.values).toMatchObject({ county: "55", municipality: "5501" });
    const [row] = await db.selectFrom("interest_counts").select("count").execute();
    expect(row!.count).toBe(INTEREST_LIMIT_PER_DAY);
  });
});

describe("recordInterest", () => {
  test("counts in the month in Oslo: 23:30 UTC on 31 December is already January", async () => {
    const { db } = database();
    const result = await recordInterest(
      db,
      { client: CLIENT },
      { interest: anyInterest(), now: new Date("2026-12-31T23:30:00.000Z") },
    );
    expect(result).toEqual({ ok: true, month: "2027-01" });
  });
});

function anyInterest() {
  return { countyNumber: "18", municipalityNumber: "", audience: "everyone", language: "" } as const;
}
