// Changing one's passphrase on My page: the current one must be right; the new one works at once,
// and every other session of the member ends while this browser stays signed in.
import { action as meAction } from "~/routes/me";
import { signInMember } from "~/features/members/member-account.server";
import { findActiveSession } from "~/features/sessions/sessions.server";
import { useTestDatabase } from "../setup/db";
import { makeTableRefuse } from "../setup/refusing-table";
import { createChapter, createMember, DEFAULT_MEMBER_PASSPHRASE } from "../factories";
import { call, memberCookie } from "./support/staff";

const NEW_PASSPHRASE = "nordlys over stille fjorder i mars";

describe("changing the passphrase on My page", () => {
  const testDb = useTestDatabase();

  async function setUp() {
    const db = testDb().db;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id, pseudonym: "Havørn" });
    const cookie = await memberCookie(db, member.id);
    const elsewhere = await memberCookie(db, member.id);
    const change = (currentPassphrase: string) =>
      call(meAction, "/me", {
        cookie,
        fields: [
          ["intent", "changePassphrase"],
          ["currentPassphrase", currentPassphrase],
          ["newPassphrase", NEW_PASSPHRASE],
        ],
      });
    const tokenOf = (c: string) => c.split("=")[1]!;
    return { db, member, cookie, elsewhere, change, tokenOf };
  }

  it("refuses a wrong current passphrase next to its field and changes nothing", async () => {
    const { db, member, change, elsewhere, tokenOf } = await setUp();
    const res = await change("ikke den riktige frasen min");
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ currentPassphrase: "members.currentPassphraseWrong" });
    expect(
      (await signInMember(db, { pseudonym: member.pseudonym, passphrase: DEFAULT_MEMBER_PASSPHRASE, ownDevice: false }))
        .ok,
    ).toBe(true);
    expect(await findActiveSession(db, tokenOf(elsewhere))).toBeDefined();
  });

  it("takes the new passphrase, ends the member's other sessions and keeps this one", async () => {
    const { db, member, cookie, elsewhere, change, tokenOf } = await setUp();
    const res = await change(DEFAULT_MEMBER_PASSPHRASE);
    expect(res.status).toBe(200);
    expect(res.data.notice).toBe("passphraseChanged");
    expect(await findActiveSession(db, tokenOf(cookie))).toBeDefined();
    expect(await findActiveSession(db, tokenOf(elsewhere))).toBeUndefined();
    expect(
      (await signInMember(db, { pseudonym: member.pseudonym, passphrase: NEW_PASSPHRASE, ownDevice: false })).ok,
    ).toBe(true);
    expect(
      (await signInMember(db, { pseudonym: member.pseudonym, passphrase: DEFAULT_MEMBER_PASSPHRASE, ownDevice: false }))
        .ok,
    ).toBe(false);
  });

  it("keeps the old passphrase when the other sessions cannot be ended, so both happen or neither", async () => {
    const { db, member, change } = await setUp();
    const unstick = await makeTableRefuse(db, { table: "sessions", on: "delete", message: "sessions unavailable" });
    await expect(change(DEFAULT_MEMBER_PASSPHRASE)).rejects.toThrow("sessions unavailable");
    await unstick();
    expect(
      (await signInMember(db, { pseudonym: member.pseudonym, passphrase: DEFAULT_MEMBER_PASSPHRASE, ownDevice: false }))
        .ok,
    ).toBe(true);
  });
});
