// Members can find activities in a language they speak, or where an interpreter can come.
import { createSession, SESSION_POLICY, sessionCookieName } from "~/features/sessions/sessions.server";
import { listUpcomingActivitiesForMember } from "~/features/activities/member-activities.server";
import { loader as indexLoader } from "~/routes/_index";
import { createActivity, createChapter, createGroup, createMember } from "../factories";
import { useTestDatabase } from "../setup/db";

const database = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

async function world() {
  const db = database().db;
  const oslo = await createChapter(db, { name: "Oslo" });
  const bergen = await createChapter(db, { name: "Bergen" });
  const women = await createGroup(db, { chapter_id: oslo.id, name: "Kvinnegruppa" });
  const member = await createMember(db, { chapter_id: oslo.id, groupIds: [women.id] });
  const norwegian = await createActivity(db, {
    chapter_id: oslo.id,
    title: "Norsk kafé",
    languages: "nb",
    starts_at: inDays(1),
  });
  const somali = await createActivity(db, {
    chapter_id: oslo.id,
    title: "Somalisk middag",
    languages: "nb,so",
    starts_at: inDays(2),
  });
  const withInterpreter = await createActivity(db, {
    chapter_id: oslo.id,
    group_id: women.id,
    title: "Tur med tolk",
    languages: "nb,en",
    interpreter_available: 1,
    starts_at: inDays(3),
  });
  // Somali in another chapter: the language filter must not widen what the member may see.
  await createActivity(db, {
    chapter_id: bergen.id,
    title: "Bergen på somali",
    languages: "so",
    interpreter_available: 1,
    starts_at: inDays(1),
  });
  const { token } = await createSession(db, { memberId: member.id }, SESSION_POLICY.memberSharedDevice);
  return { db, oslo, member, norwegian, somali, withInterpreter, cookie: `${sessionCookieName()}=${token}` };
}

async function listTitles(cookie: string, query: string) {
  const request = new Request(`http://localhost/${query}`, { headers: { Cookie: cookie } });
  const data = await indexLoader({ request, params: {}, context: {} } as never);
  if (data.kind !== "member") throw new Error("expected the member's page");
  return { titles: data.activities.map((a) => a.title), filter: data.filter };
}

describe("filtering activities by language and interpreter", () => {
  test("a language shows only activities where it is spoken, within what the member may see", async () => {
    const w = await world();
    const { titles, filter } = await listTitles(w.cookie, "?language=so");
    expect(titles).toEqual(["Somalisk middag"]);
    expect(filter).toMatchObject({ language: "so", interpreterOnly: false });
  });

  test("a code is matched whole: 'n' or 'b' never match 'nb'", async () => {
    const w = await world();
    const now = new Date();
    for (const language of ["n", "b", "nb,so", "%"]) {
      const list = await listUpcomingActivitiesForMember(
        w.db,
        { id: w.member.id, chapterId: w.oslo.id },
        { now, language },
      );
      expect(list.map((a) => a.title)).toEqual(language === "nb,so" ? ["Somalisk middag"] : []);
    }
  });

  test("'interpreter can come' shows only those activities, and combines with a language", async () => {
    const w = await world();
    expect((await listTitles(w.cookie, "?interpreter=1")).titles).toEqual(["Tur med tolk"]);
    expect((await listTitles(w.cookie, "?interpreter=1&language=en")).titles).toEqual(["Tur med tolk"]);
    expect((await listTitles(w.cookie, "?interpreter=1&language=so")).titles).toEqual([]);
  });

  test("an unknown language code is ignored rather than an error, and nothing filtered shows everything", async () => {
    const w = await world();
    const unknown = await listTitles(w.cookie, "?language=xx%27--&interpreter=yes");
    expect(unknown.titles).toEqual(["Norsk kafé", "Somalisk middag", "Tur med tolk"]);
    expect(unknown.filter).toMatchObject({ language: "", interpreterOnly: false });
  });

  test("the cards carry the languages and whether an interpreter can come", async () => {
    const w = await world();
    const request = new Request("http://localhost/?language=en", { headers: { Cookie: w.cookie } });
    const data = await indexLoader({ request, params: {}, context: {} } as never);
    if (data.kind !== "member") throw new Error("expected the member's page");
    expect(data.activities[0]).toMatchObject({ languages: ["nb", "en"], interpreterAvailable: true });
  });
});
