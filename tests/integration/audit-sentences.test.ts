import { loadAuditLog } from "~/features/audit/audit-log.server";
import { auditSentences } from "~/features/audit/audit-sentences";
import { listAuditEntries, recordAudit } from "~/features/audit/audit.server";
import { cancelActivity, updateActivity } from "~/features/activities/staff-activities.server";
import { sendStaffMessage } from "~/features/staff-messages/staff-messages.server";
import { tFor } from "~/i18n/catalogs.server";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createStaff } from "../factories";

const database = useTestDatabase();
const en = tFor("en") as unknown as (key: string, values?: Record<string, string>) => string;
const sentence = (action: string, details: Record<string, unknown>) =>
  auditSentences({ action, actorName: "Kari Nordmann", details: JSON.stringify(details) }, en, "en-GB");

async function bergenWithKari() {
  const db = database().db;
  const bergen = await createChapter(db, { name: "Bergen" });
  const kari = await createStaff(db, { chapterIds: [bergen.id], display_name: "Kari Nordmann" });
  const activity = await createActivity(db, {
    chapter_id: bergen.id,
    title: "Middag sammen",
    starts_at: "2027-01-14T16:00:00.000Z",
    ends_at: "2027-01-14T18:00:00.000Z",
    capacity: 10,
  });
  return { db, bergen, kari, actor: { id: kari.id, role: "coordinator" as const, chapterIds: [bergen.id] }, activity };
}

describe("the audit log as sentences", () => {
  it("says who changed the time of which activity, from when to when, in the reader's language", async () => {
    const { db, actor, activity } = await bergenWithKari();
    const result = await updateActivity(db, actor, {
      activityId: activity.id,
      expectedSequence: 0,
      title: "Middag sammen",
      description: "",
      area: activity.area,
      address: null,
      capacity: null,
      languages: "nb",
      interpreterAvailable: false,
      startsAt: "2027-01-14T17:00:00.000Z",
      endsAt: "2027-01-14T19:00:00.000Z",
      rsvpDeadline: null,
    });
    expect(result.ok).toBe(true);
    const log = await loadAuditLog(db, { after: null, actorStaffId: null, chapterId: null, kind: null }, "en");
    expect(log.entries[0]!.sentences).toEqual([
      "Kari Nordmann changed the time of ‘Middag sammen’ from 17:00 to 18:00",
      "Kari Nordmann changed the places for ‘Middag sammen’ from 10 to no limit",
    ]);
    const nb = await loadAuditLog(db, { after: null, actorStaffId: null, chapterId: null, kind: null }, "nb");
    expect(nb.entries[0]!.sentences[0]).toBe("Kari Nordmann endret tiden for «Middag sammen» fra 17:00 til 18:00");
    expect(nb.entries[0]!.chapter).toBe("Bergen");
  });

  it("names a cancelled activity with its date, says a reason was given, and never shows the reason", async () => {
    const { db, actor, activity } = await bergenWithKari();
    await cancelActivity(db, actor, { activityId: activity.id, expectedSequence: 0, reason: "The leader is ill" });
    const log = await loadAuditLog(db, { after: null, actorStaffId: null, chapterId: null, kind: null }, "en");
    expect(log.entries[0]!.sentences[0]).toMatch(
      /^Kari Nordmann cancelled ‘Middag sammen’ \(Thu,? 14 Jan 2027,? 17:00\) with a reason; 0 members were told$/,
    );
    expect(JSON.stringify(log)).not.toContain("ill");
  });

  it("reads drafts, publishing, copies, skips, cancelling the rest, undoing, messages and attendance as sentences", () => {
    const at = "2027-01-14T17:00:00.000Z";
    const day = /Thu,? 14 Jan 2027,? 18:00/.source;
    const reads = (action: string, details: Record<string, unknown>, pattern: string) =>
      expect(sentence(action, details)).toEqual([expect.stringMatching(new RegExp(`^${pattern}$`))]);
    reads(
      "activity.draft",
      { title: "Tur", occurrences: 1, startsAt: at },
      `Kari Nordmann saved ‘Tur’ as a draft \\(${day}\\)`,
    );
    reads(
      "activity.draft",
      { title: "Tur", occurrences: 4, startsAt: at },
      `Kari Nordmann saved ‘Tur’ as a draft, 4 dates from ${day}`,
    );
    reads(
      "activity.publish",
      { title: "Tur", occurrences: 1, startsAt: at },
      `Kari Nordmann published the draft ‘Tur’ \\(${day}\\)`,
    );
    reads(
      "activity.publish",
      { title: "Tur", occurrences: 3, startsAt: at },
      "Kari Nordmann published 3 drafts of ‘Tur’",
    );
    reads(
      "activity.copy",
      { title: "Tur", startsAtBefore: at, startsAt: "2027-01-21T17:00:00.000Z" },
      `Kari Nordmann copied ‘Tur’ from ${day} to Thu,? 21 Jan 2027,? 18:00`,
    );
    reads(
      "activity.skip",
      { title: "Tur", startsAt: at, removed: true },
      `Kari Nordmann skipped ‘Tur’ \\(${day}\\); nobody had answered, so the date was removed`,
    );
    reads(
      "activity.skip",
      { title: "Tur", startsAt: at, told: 2 },
      `Kari Nordmann skipped ‘Tur’ \\(${day}\\); 2 members were told`,
    );
    reads(
      "activity.cancelRest",
      { title: "Tur", startsAt: at, told: 2 },
      `Kari Nordmann cancelled ‘Tur’ \\(${day}\\) with the rest of its series`,
    );
    reads(
      "activity.cancel",
      { title: "Tur", startsAt: at, told: 3, reasonLength: 17 },
      `Kari Nordmann cancelled ‘Tur’ \\(${day}\\) with a reason; 3 members were told`,
    );
    reads(
      "activity.restore",
      { title: "Tur", startsAt: at, told: 3 },
      `Kari Nordmann undid the cancellation of ‘Tur’ \\(${day}\\); 3 members were told`,
    );
    reads(
      "activity.message",
      { title: "Tur", startsAt: at, length: 42, recipients: 5, includeWaitlist: false },
      `Kari Nordmann sent a message \\(42 characters\\) to 5 going to ‘Tur’ \\(${day}\\)`,
    );
    reads(
      "activity.message",
      { title: "Tur", startsAt: at, length: 42, recipients: 6, includeWaitlist: true },
      `Kari Nordmann sent a message \\(42 characters\\) to 6 going to or waiting for ‘Tur’ \\(${day}\\)`,
    );
    for (const action of [
      "attendance.check_in",
      "attendance.undo_check_in",
      "attendance.walk_in",
      "attendance.walk_in_count",
    ])
      reads(
        action,
        { title: "Tur", startsAt: at, members: 4, withoutAccount: 1 },
        `Kari Nordmann recorded attendance for ‘Tur’ \\(${day}\\): 4 members, 1 without an account`,
      );
  });

  it("keeps the staff message's words and the cancel reason out of every audit row it writes", async () => {
    const { db, actor, activity } = await bergenWithKari();
    await sendStaffMessage(db, actor, { activityId: activity.id, body: "Ta med varme klær", includeWaitlist: false });
    const log = await loadAuditLog(db, { after: null, actorStaffId: null, chapterId: null, kind: null }, "en");
    expect(log.entries[0]!.sentences[0]).toMatch(
      /^Kari Nordmann sent a message \(17 characters\) to 0 going to ‘Middag sammen’/,
    );
    expect(JSON.stringify(await db.selectFrom("audit_log").selectAll().execute())).not.toContain("klær");
  });

  it("reads every kind it renders as a sentence, and never shows member text", () => {
    expect(sentence("activity.create", { title: "Tur", occurrences: 1, startsAt: "2027-01-14T17:00:00.000Z" })).toEqual(
      [expect.stringMatching(/^Kari Nordmann published ‘Tur’ \(Thu,? 14 Jan 2027,? 18:00\)$/)],
    );
    expect(
      sentence("activity.create", { title: "Tur", occurrences: 7, startsAt: "2027-01-14T17:00:00.000Z" })[0],
    ).toMatch(/^Kari Nordmann published ‘Tur’, 7 dates from /);
    expect(sentence("activity.update", { title: "Ny tur", titleBefore: "Tur" })).toEqual([
      "Kari Nordmann renamed ‘Tur’ to ‘Ny tur’",
    ]);
    expect(sentence("activity.update", { title: "Tur", areaBefore: "Sentrum", areaAfter: "Sandviken" })).toEqual([
      "Kari Nordmann moved ‘Tur’ from Sentrum to Sandviken",
    ]);
    expect(
      sentence("activity.update", {
        title: "Tur",
        startsAtBefore: "2027-01-14T17:00:00.000Z",
        startsAtAfter: "2027-01-15T17:00:00.000Z",
      })[0],
    ).toMatch(/^Kari Nordmann changed the time of ‘Tur’ from Thu,? 14 Jan 2027,? 18:00 to Fri,? 15 Jan 2027,? 18:00$/);
    expect(sentence("activity.update", { title: "Tur", capacityBefore: 5, capacityAfter: 5 })).toEqual([
      "Kari Nordmann changed ‘Tur’",
    ]);
    expect(sentence("rsvp.promote", { title: "Tur" })).toEqual([
      "Kari Nordmann moved a member up from the waitlist of ‘Tur’",
    ]);
    expect(sentence("rsvp.remove", { title: "Tur" })).toEqual(["Kari Nordmann took a member off ‘Tur’"]);
    expect(sentence("rsvp.reply", { title: "Tur" })).toEqual(["Kari Nordmann replied to a member's note on ‘Tur’"]);
    expect(sentence("rsvp.meet_assign", { title: "Tur", meetStaffId: "x" })).toEqual([
      "Kari Nordmann chose who meets a member at the door for ‘Tur’",
    ]);
    expect(sentence("rsvp.meet_assign", { title: "Tur", meetStaffId: null })).toEqual([
      "Kari Nordmann removed who meets a member at the door for ‘Tur’",
    ]);
    expect(sentence("rsvp.promote", {})).toEqual([
      "Kari Nordmann moved a member up from the waitlist of ‘an activity’",
    ]);
    expect(auditSentences({ action: "invite.create", actorName: null, details: "not json" }, en, "en-GB")).toEqual([
      "A staff member: invite.create",
    ]);
  });
});

describe("paging the audit log by keys", () => {
  it("skips and repeats no entry when many share one timestamp", async () => {
    const db = database().db;
    const at = new Date("2026-12-01T12:00:00.000Z");
    for (let i = 0; i < 7; i++) {
      await recordAudit(db, { actorStaffId: null, action: "invite.create", objectType: "invite", objectId: null }, at);
    }
    await recordAudit(
      db,
      { actorStaffId: null, action: "invite.revoke", objectType: "invite", objectId: null },
      new Date("2026-12-01T11:00:00.000Z"),
    );
    const seen: string[] = [];
    let after: { at: string; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await listAuditEntries(db, { after, limit: 3 });
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => r.id));
      after = { at: rows[rows.length - 1]!.at, id: rows[rows.length - 1]!.id };
    }
    const all = await db.selectFrom("audit_log").select(["id", "at"]).execute();
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(new Set(seen)).toEqual(new Set(all.map((r) => r.id)));
    // Oldest last.
    const last = all.find((r) => r.id === seen[7]);
    expect(last?.at).toBe("2026-12-01T11:00:00.000Z");
  });

  it("filters by staff member, chapter and kind, and the older link keeps the filters", async () => {
    const { db, actor, activity, kari, bergen } = await bergenWithKari();
    const other = await createStaff(db, { role: "admin", display_name: "Admin" });
    await cancelActivity(db, actor, { activityId: activity.id, expectedSequence: 0, reason: "The leader is ill" });
    await recordAudit(db, { actorStaffId: other.id, action: "invite.create", objectType: "invite", objectId: null });
    const q = { after: null, actorStaffId: null, chapterId: null, kind: null };
    const byStaff = await loadAuditLog(db, { ...q, actorStaffId: kari.id }, "en");
    expect(byStaff.entries.map((e) => e.action)).toEqual(["activity.cancel"]);
    const byChapter = await loadAuditLog(db, { ...q, chapterId: bergen.id }, "en");
    expect(byChapter.entries.map((e) => e.action)).toEqual(["activity.cancel"]);
    const byKind = await loadAuditLog(db, { ...q, kind: "invite" }, "en");
    expect(byKind.entries.map((e) => e.action)).toEqual(["invite.create"]);
    const unknownKind = await loadAuditLog(db, { ...q, kind: "nonsense" }, "en");
    expect(unknownKind.entries).toHaveLength(2);
    expect(unknownKind.filter.kind).toBeNull();
  });
});
