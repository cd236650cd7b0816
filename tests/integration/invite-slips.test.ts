// Invite slips come in batches: a staff label (never printed), the group, and the slip text in
// one or two of the five languages; the code and QR code are the same whatever the languages.
import { describe, expect, it } from "vitest";
import { action as invitesAction, loader as invitesLoader } from "~/routes/staff.chapters.$chapterId.invites";
import { joinWithInvite } from "~/features/members/member-account.server";
import { useTestDatabase } from "../setup/db";
import { createChapter, createGroup, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

const LABEL = "Bergen, men's group, handed out at the café";

describe("invite slips", () => {
  const testDb = useTestDatabase();

  async function setUp() {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const oslo = await createChapter(db, { name: "Oslo" });
    const gutta = await createGroup(db, { chapter_id: bergen.id, audience: "men", name: "Gutta" });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const osloCoordinator = await createStaff(db, { chapterIds: [oslo.id] });
    return {
      db,
      bergen,
      gutta,
      cookie: await staffCookie(db, coordinator.id),
      osloCookie: await staffCookie(db, osloCoordinator.id),
    };
  }

  const post = (cookie: string, chapterId: string, fields: Array<[string, string]>) =>
    call(invitesAction, `/staff/chapters/${chapterId}/invites`, { fields, cookie, params: { chapterId } });
  const page = (cookie: string, chapterId: string) =>
    call(invitesLoader, `/staff/chapters/${chapterId}/invites`, { cookie, params: { chapterId } });

  it("prints a batch in Norwegian and Arabic (right to left) with one code, and lists its label and group for staff only", async () => {
    const { db, bergen, gutta, cookie } = await setUp();
    const res = await post(cookie, bergen.id, [
      ["count", "2"],
      ["expiresInDays", "14"],
      ["label", LABEL],
      ["languages", "nb"],
      ["languages", "ar"],
      ["groupIds", gutta.id],
    ]);
    expect(res.status).toBe(200);
    const slips = res.data.slips;
    expect(slips.words.map((w: { lang: string; dir: string }) => [w.lang, w.dir])).toEqual([
      ["nb-NO", "ltr"],
      ["ar", "rtl"],
    ]);
    expect(slips.words[0].heading).toBe("Velkommen");
    expect(slips.words[1].heading).toBe("أهلًا بك");
    expect(slips.codes).toHaveLength(2);
    // The label is staff text: it is not on the slips.
    expect(JSON.stringify(slips)).not.toContain("café");

    const batches = await db.selectFrom("invite_batches").selectAll().execute();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ chapter_id: bergen.id, label: LABEL, languages: "nb,ar" });
    const invites = await db.selectFrom("invites").select("batch_id").execute();
    expect(invites.map((i) => i.batch_id)).toEqual([batches[0]!.id, batches[0]!.id]);

    const list = await page(cookie, bergen.id);
    expect(list.data.invites).toHaveLength(2);
    for (const invite of list.data.invites) {
      expect(invite).toMatchObject({ label: LABEL, groupNames: ["Gutta"], languages: ["nb", "ar"] });
    }
    // The same code works, whatever the slip's languages.
    const joined = await joinWithInvite(db, {
      code: slips.codes[0].code,
      pseudonym: "Ny en",
      passphrase: "en lang og god frase for testen",
      ownDevice: false,
    });
    expect(joined.ok).toBe(true);
  });

  it("prints Norwegian slips without a label when neither is given", async () => {
    const { db, bergen, cookie } = await setUp();
    const res = await post(cookie, bergen.id, [
      ["count", "1"],
      ["expiresInDays", "14"],
    ]);
    expect(res.data.slips.words.map((w: { lang: string }) => w.lang)).toEqual(["nb-NO"]);
    const batch = await db.selectFrom("invite_batches").select(["label", "languages"]).executeTakeFirstOrThrow();
    expect(batch).toEqual({ label: null, languages: "nb" });
    const list = await page(cookie, bergen.id);
    expect(list.data.invites[0]).toMatchObject({ label: null, groupNames: [] });
  });

  it.each([
    ["an unknown language", [["languages", "de"]], { languages: "staffSlips.chooseLanguages" }],
    [
      "three languages",
      [
        ["languages", "nb"],
        ["languages", "ar"],
        ["languages", "so"],
      ],
      { languages: "staffSlips.chooseLanguages" },
    ],
    [
      "a label over 80 characters",
      [
        ["languages", "nb"],
        ["label", "x".repeat(81)],
      ],
      { label: "staffSlips.labelTooLong" },
    ],
  ] as const)("refuses %s next to the field, keeps the input and saves nothing", async (_, extra, errors) => {
    const { db, bergen, gutta, cookie } = await setUp();
    const res = await post(cookie, bergen.id, [
      ["count", "3"],
      ["expiresInDays", "20"],
      ["groupIds", gutta.id],
      ...(extra as unknown as Array<[string, string]>),
    ]);
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual(errors);
    expect(res.data.values).toMatchObject({ count: "3", expiresInDays: "20", groupIds: gutta.id });
    expect(await db.selectFrom("invites").select("id").execute()).toEqual([]);
    expect(await db.selectFrom("invite_batches").select("id").execute()).toEqual([]);
    expect(await db.selectFrom("audit_log").select("id").where("action", "=", "invite.create").execute()).toEqual([]);
  });

  it("answers 404 to a coordinator of another chapter, and makes nothing", async () => {
    const { db, bergen, osloCookie } = await setUp();
    const res = await post(osloCookie, bergen.id, [
      ["count", "1"],
      ["expiresInDays", "14"],
      ["languages", "nb"],
    ]);
    expect(res.status).toBe(404);
    expect((await page(osloCookie, bergen.id)).status).toBe(404);
    expect(await db.selectFrom("invite_batches").select("id").execute()).toEqual([]);
  });
});
