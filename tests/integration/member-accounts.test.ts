import { joinWithInvite, resetPassphraseWithCode, signInMember } from "~/features/members/member-account.server";
import { legacyScryptHashForTests, observeHashingForTests, verifyPassword } from "~/platform/password.server";
import { countUnusedRecoveryCodes } from "~/features/members/members.server";
import { runRetention } from "~/features/retention/retention.server";
import { findActiveSession } from "~/features/sessions/sessions.server";
import { hashSecret, normalizeReadableCode } from "~/platform/secrets.server";
import { createInvites } from "~/features/members/invites.server";
import { createTestDatabase, openAnotherConnection, useTestDatabase } from "../setup/db";
import { createChapter, createGroup, createMember } from "../factories";

const PASS = "en lang og god frase";

function tokenFromCookie(cookie: string) {
  return cookie.split(";")[0]!.split("=")[1]!;
}

describe("joining with an invite", () => {
  const testDb = useTestDatabase();

  async function oneInvite(options: { expiresAt?: Date } = {}) {
    const db = testDb().db;
    const chapter = await createChapter(db);
    const group = await createGroup(db, { chapter_id: chapter.id, audience: "women" });
    const [invite] = await createInvites(db, {
      chapterId: chapter.id,
      groupIds: [group.id],
      expiresAt: options.expiresAt ?? new Date(Date.now() + 86_400_000),
      count: 1,
      createdByStaffId: null,
    });
    return { chapter, group, invite: invite! };
  }

  it("makes a member in the invite's chapter and groups, signed in, with recovery codes", async () => {
    const { chapter, group, invite } = await oneInvite();
    const db = testDb().db;
    const result = await joinWithInvite(db, {
      code: invite.code,
      pseudonym: "Måke",
      passphrase: PASS,
      ownDevice: false,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const member = await db
      .selectFrom("members")
      .selectAll()
      .where("id", "=", result.memberId)
      .executeTakeFirstOrThrow();
    expect(member.chapter_id).toBe(chapter.id);
    expect(member.passphrase_hash).not.toContain(PASS);
    const memberships = await db
      .selectFrom("group_memberships")
      .selectAll()
      .where("member_id", "=", member.id)
      .execute();
    expect(memberships.map((m) => [m.group_id, m.status])).toEqual([[group.id, "active"]]);
    expect(result.recoveryCodes).toHaveLength(8);
    const stored = await db
      .selectFrom("recovery_codes")
      .select("code_hash")
      .where("member_id", "=", member.id)
      .execute();
    expect(stored.map((s) => s.code_hash).sort()).toEqual(
      result.recoveryCodes.map((c) => hashSecret(normalizeReadableCode(c))).sort(),
    );
    const session = await findActiveSession(db, tokenFromCookie(result.cookie));
    expect(session?.memberId).toBe(member.id);
    expect(result.cookie).not.toContain("Max-Age");
  });

  it("accepts the code however it is typed: lower case, spaces, O for 0", async () => {
    const { invite } = await oneInvite();
    const typed = invite.code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o");
    const result = await joinWithInvite(testDb().db, {
      code: typed,
      pseudonym: "Lyng",
      passphrase: PASS,
      ownDevice: true,
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.cookie).toContain("Max-Age=2592000");
  });

  it("uses a code once: a second join with it is refused", async () => {
    const { invite } = await oneInvite();
    const db = testDb().db;
    expect(
      (await joinWithInvite(db, { code: invite.code, pseudonym: "Første", passphrase: PASS, ownDevice: false })).ok,
    ).toBe(true);
    expect(
      await joinWithInvite(db, { code: invite.code, pseudonym: "Andre", passphrase: PASS, ownDevice: false }),
    ).toEqual({
      ok: false,
      error: "inviteUnusable",
    });
  });

  it("refuses expired, revoked and unknown codes", async () => {
    const db = testDb().db;
    const expired = await oneInvite({ expiresAt: new Date(Date.now() - 1000) });
    const revoked = await oneInvite();
    await db
      .updateTable("invites")
      .set({ revoked_at: new Date().toISOString() })
      .where("id", "=", revoked.invite.id)
      .execute();
    for (const code of [expired.invite.code, revoked.invite.code, "AAAA-BBBB-CCCC"]) {
      const result = await joinWithInvite(db, { code, pseudonym: "Ny", passphrase: PASS, ownDevice: false });
      expect(result).toEqual({ ok: false, error: "inviteUnusable" });
    }
  });

  it("refuses a pseudonym that looks like a taken one and leaves the code usable", async () => {
    const { chapter, invite } = await oneInvite();
    const db = testDb().db;
    await createMember(db, { chapter_id: chapter.id, pseudonym: "Sara" });
    for (const lookAlike of ["sara", "SARA", "Ѕаrа"]) {
      const result = await joinWithInvite(db, {
        code: invite.code,
        pseudonym: lookAlike,
        passphrase: PASS,
        ownDevice: false,
      });
      expect(result).toEqual({ ok: false, error: "pseudonymTaken" });
    }
    expect(
      (await joinWithInvite(db, { code: invite.code, pseudonym: "Lyng", passphrase: PASS, ownDevice: false })).ok,
    ).toBe(true);
  });

  it("refuses look-alikes written with capitals or letters that decompose", async () => {
    const { chapter, invite } = await oneInvite();
    const db = testDb().db;
    for (const name of ["Hiba", "Nora", "Kari", "Emma", "Tariq", "Zoë"])
      await createMember(db, { chapter_id: chapter.id, pseudonym: name });
    for (const lookAlike of [
      "\u0397iba",
      "\u039dora",
      "\u039aari",
      "\u0395mma",
      "\u0422ariq",
      "Zo\u0451",
      "HIBA",
      "zoë",
    ]) {
      const result = await joinWithInvite(db, {
        code: invite.code,
        pseudonym: lookAlike,
        passphrase: PASS,
        ownDevice: false,
      });
      expect(result).toEqual({ ok: false, error: "pseudonymTaken" });
    }
    expect(
      (await joinWithInvite(db, { code: invite.code, pseudonym: "Lyng", passphrase: PASS, ownDevice: false })).ok,
    ).toBe(true);
  });

  it("does the same work for an unusable code whatever the pseudonym", async () => {
    const { chapter, invite } = await oneInvite();
    const db = testDb().db;
    await createMember(db, { chapter_id: chapter.id, pseudonym: "Fjellrev" });
    const used = await joinWithInvite(db, {
      code: invite.code,
      pseudonym: "Brukt",
      passphrase: PASS,
      ownDevice: false,
    });
    expect(used.ok).toBe(true);
    const hashesFor = async (code: string, pseudonym: string) => {
      let count = 0;
      observeHashingForTests(() => count++);
      try {
        const result = await joinWithInvite(db, {
          code,
          pseudonym,
          passphrase: "en annen lang frase",
          ownDevice: false,
        });
        expect(result).toEqual({ ok: false, error: "inviteUnusable" });
      } finally {
        observeHashingForTests(undefined);
      }
      return count;
    };
    const counts = [
      await hashesFor("AAAA-BBBB-CCCC-DDDD", "Fjellrev"),
      await hashesFor("AAAA-BBBB-CCCC-DDDD", "Ledig"),
      await hashesFor(invite.code, "Fjellrev"),
      await hashesFor(invite.code, "Brukt"),
    ];
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeGreaterThan(0);
  });

  it("repeats a join whose answer never arrived: same code, pseudonym and passphrase sign in with new recovery codes", async () => {
    const { invite } = await oneInvite();
    const db = testDb().db;
    const first = await joinWithInvite(db, {
      code: invite.code,
      pseudonym: "Måke",
      passphrase: PASS,
      ownDevice: false,
    });
    if (!first.ok) throw new Error("join failed");
    const again = await joinWithInvite(db, { code: invite.code, pseudonym: "måke", passphrase: PASS, ownDevice: true });
    expect(again).toMatchObject({ ok: true, memberId: first.memberId, repeated: true });
    if (!again.ok) return;
    expect((await findActiveSession(db, tokenFromCookie(again.cookie)))?.memberId).toBe(first.memberId);
    expect(again.recoveryCodes).toHaveLength(8);
    expect(again.recoveryCodes).not.toEqual(first.recoveryCodes);
    expect(await countUnusedRecoveryCodes(db, first.memberId)).toBe(8);
    // The codes she never saw no longer work; the new ones do.
    expect(
      await resetPassphraseWithCode(db, {
        pseudonym: "Måke",
        code: first.recoveryCodes[0]!,
        passphrase: "en ny lang frase",
      }),
    ).toEqual({ ok: false });
    expect(
      (
        await resetPassphraseWithCode(db, {
          pseudonym: "Måke",
          code: again.recoveryCodes[0]!,
          passphrase: "en ny lang frase",
        })
      ).ok,
    ).toBe(true);
    const members = await db.selectFrom("members").select("id").execute();
    expect(members).toHaveLength(1);
  });

  it("treats a used code as unusable for another pseudonym, another passphrase, or after a day", async () => {
    const { invite } = await oneInvite();
    const db = testDb().db;
    const first = await joinWithInvite(db, {
      code: invite.code,
      pseudonym: "Måke",
      passphrase: PASS,
      ownDevice: false,
    });
    if (!first.ok) throw new Error("join failed");
    const unusable = { ok: false, error: "inviteUnusable" };
    expect(
      await joinWithInvite(db, { code: invite.code, pseudonym: "Ærfugl", passphrase: PASS, ownDevice: false }),
    ).toEqual(unusable);
    expect(
      await joinWithInvite(db, {
        code: invite.code,
        pseudonym: "Måke",
        passphrase: "en annen lang frase",
        ownDevice: false,
      }),
    ).toEqual(unusable);
    await db
      .updateTable("join_receipts")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect(
      await joinWithInvite(db, { code: invite.code, pseudonym: "Måke", passphrase: PASS, ownDevice: false }),
    ).toEqual(unusable);
  });

  it("forgets which member a code made once the retry window has passed", async () => {
    const { invite } = await oneInvite();
    const db = testDb().db;
    expect(
      (await joinWithInvite(db, { code: invite.code, pseudonym: "Måke", passphrase: PASS, ownDevice: false })).ok,
    ).toBe(true);
    const policy = { notesAfterDays: 30, addressesAfterDays: 30, deactivatedAfterDays: 90, auditAfterDays: 365 };
    await runRetention(db, { ...policy, now: new Date(Date.now() + 23 * 3_600_000) });
    expect(await db.selectFrom("join_receipts").selectAll().execute()).toHaveLength(1);
    await runRetention(db, { ...policy, now: new Date(Date.now() + 25 * 3_600_000) });
    expect(await db.selectFrom("join_receipts").selectAll().execute()).toHaveLength(0);
  });

  it("makes exactly one member from 20 parallel redemptions of one code", async () => {
    const { invite } = await oneInvite();
    const db = testDb().db;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        joinWithInvite(db, { code: invite.code, pseudonym: `Parallell ${i}`, passphrase: PASS, ownDevice: false }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const count = await db
      .selectFrom("members")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});

describe("joining from several connections at once", () => {
  it("makes exactly one member when 20 connections redeem one code in parallel", async () => {
    const file = await createTestDatabase({ file: true });
    const chapter = await createChapter(file.db);
    const [invite] = await createInvites(file.db, {
      chapterId: chapter.id,
      groupIds: [],
      expiresAt: new Date(Date.now() + 86_400_000),
      count: 1,
      createdByStaffId: null,
    });
    const connections = Array.from({ length: 20 }, () => ({ db: openAnotherConnection(file) }));
    try {
      const results = await Promise.all(
        connections.map((c, i) =>
          joinWithInvite(c.db, { code: invite!.code, pseudonym: `Tråd ${i}`, passphrase: PASS, ownDevice: false }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const count = await file.db
        .selectFrom("members")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    } finally {
      await Promise.all(connections.map((c) => c.db.destroy()));
      await file.close();
    }
  });
});

describe("signing in", () => {
  const testDb = useTestDatabase();

  it("finds a member by her look-alike key and, first, by her exact name in any case", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    const natasha = await createMember(db, { chapter_id: chapter.id, pseudonym: "Наташа", passphrase: PASS });
    const ingrid = await createMember(db, { chapter_id: chapter.id, pseudonym: "Ingrid", passphrase: PASS });
    for (const [typed, id] of [
      ["НАТАША", natasha.id],
      ["наташа", natasha.id],
      ["ingrid", ingrid.id],
      ["INGRID", ingrid.id],
    ] as const) {
      expect(await signInMember(db, { pseudonym: typed, passphrase: PASS, ownDevice: false })).toMatchObject({
        ok: true,
        memberId: id,
      });
    }
  });

  it("signs in with pseudonym and passphrase, also typed in another case", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id, pseudonym: "Solsikke", passphrase: PASS });
    const result = await signInMember(db, { pseudonym: "solsikke", passphrase: PASS, ownDevice: false });
    expect(result).toMatchObject({ ok: true, memberId: member.id });
  });

  it("accepts a passphrase hashed with scrypt before Argon2 and stores an Argon2id hash instead", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    const member = await createMember(db, {
      chapter_id: chapter.id,
      pseudonym: "Gammel",
      passphrase_hash: await legacyScryptHashForTests(PASS, { N: 2 ** 10, r: 8, p: 1 }),
    });
    expect(await signInMember(db, { pseudonym: "Gammel", passphrase: "feil frase her", ownDevice: false })).toEqual({
      ok: false,
    });
    const stored = async () =>
      (await db.selectFrom("members").select("passphrase_hash").where("id", "=", member.id).executeTakeFirstOrThrow())
        .passphrase_hash;
    expect((await stored()).startsWith("scrypt$")).toBe(true);
    expect(await signInMember(db, { pseudonym: "Gammel", passphrase: PASS, ownDevice: false })).toMatchObject({
      ok: true,
      memberId: member.id,
    });
    const upgraded = await stored();
    expect(upgraded.startsWith("$argon2id$")).toBe(true);
    expect((await verifyPassword(PASS, upgraded)).ok).toBe(true);
    expect((await signInMember(db, { pseudonym: "Gammel", passphrase: PASS, ownDevice: false })).ok).toBe(true);
  });

  it("gives the same answer for an unknown pseudonym, a wrong passphrase and a deactivated member", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    await createMember(db, { chapter_id: chapter.id, pseudonym: "Finnes", passphrase: PASS });
    await createMember(db, {
      chapter_id: chapter.id,
      pseudonym: "Borte",
      passphrase: PASS,
      deactivated_at: new Date().toISOString(),
    });
    const answers = await Promise.all([
      signInMember(db, { pseudonym: "Finnes ikke", passphrase: PASS, ownDevice: false }),
      signInMember(db, { pseudonym: "Finnes", passphrase: "feil frase her", ownDevice: false }),
      signInMember(db, { pseudonym: "Borte", passphrase: PASS, ownDevice: false }),
    ]);
    expect(answers).toEqual([{ ok: false }, { ok: false }, { ok: false }]);
  });
});

describe("resetting a forgotten passphrase", () => {
  const testDb = useTestDatabase();

  it("works once with a recovery code and signs the member out everywhere", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    const [invite] = await createInvites(db, {
      chapterId: chapter.id,
      groupIds: [],
      expiresAt: new Date(Date.now() + 86_400_000),
      count: 1,
      createdByStaffId: null,
    });
    const joined = await joinWithInvite(db, {
      code: invite!.code,
      pseudonym: "Glemsk",
      passphrase: PASS,
      ownDevice: true,
    });
    if (!joined.ok) throw new Error("join failed");
    const code = joined.recoveryCodes[0]!;
    const next = "et helt nytt passord";
    expect(await resetPassphraseWithCode(db, { pseudonym: "Glemsk", code, passphrase: next })).toEqual({
      ok: true,
      memberId: joined.memberId,
    });
    expect(await findActiveSession(db, tokenFromCookie(joined.cookie))).toBeUndefined();
    expect((await signInMember(db, { pseudonym: "Glemsk", passphrase: next, ownDevice: false })).ok).toBe(true);
    expect(
      await resetPassphraseWithCode(db, { pseudonym: "Glemsk", code, passphrase: "enda et nytt passord" }),
    ).toEqual({ ok: false });
  });

  it("accepts a staff reset code until it expires, and not another member's code", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    const a = await createMember(db, { chapter_id: chapter.id, pseudonym: "Anna" });
    await createMember(db, { chapter_id: chapter.id, pseudonym: "Bodil" });
    const insert = (memberId: string, code: string, expiresAt: Date) =>
      db
        .insertInto("reset_codes")
        .values({
          id: crypto.randomUUID(),
          member_id: memberId,
          code_hash: hashSecret(normalizeReadableCode(code)),
          created_by_staff_id: null,
          expires_at: expiresAt.toISOString(),
          used_at: null,
          created_at: new Date().toISOString(),
        })
        .execute();
    await insert(a.id, "AAAA-1111", new Date(Date.now() - 1000));
    await insert(a.id, "BBBB-2222", new Date(Date.now() + 86_400_000));
    expect(await resetPassphraseWithCode(db, { pseudonym: "Anna", code: "AAAA-1111", passphrase: PASS })).toEqual({
      ok: false,
    });
    expect(await resetPassphraseWithCode(db, { pseudonym: "Bodil", code: "BBBB-2222", passphrase: PASS })).toEqual({
      ok: false,
    });
    expect((await resetPassphraseWithCode(db, { pseudonym: "Anna", code: "bbbb 2222", passphrase: PASS })).ok).toBe(
      true,
    );
  });
});
