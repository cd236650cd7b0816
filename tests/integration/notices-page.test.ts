// /notices as a member reads it: an offer she can still take says so on its link (the way to take
// or pass on the place); once it has run out, the link is the plain one.
import { loader as noticesLoader } from "~/routes/notices";
import { rsvpGoing, rsvpNotGoing } from "~/features/answers/answers.server";
import { expireOffers } from "~/features/waitlist/waitlist.server";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember } from "../factories";
import { call, memberCookie } from "./support/staff";

const database = useTestDatabase();
const HOUR = 3_600_000;
const noDetails = { note: null, showPseudonym: false };

describe("/notices", () => {
  it("labels the link of an offer she can still take, and not one that ran out", async () => {
    const db = database().db;
    const chapter = await createChapter(db);
    const group = await createGroup(db, { chapter_id: chapter.id });
    const now = new Date();
    const startsAt = new Date(now.getTime() + 72 * HOUR);
    const activity = await createActivity(db, {
      chapter_id: chapter.id,
      group_id: group.id,
      capacity: 1,
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    });
    const [first, second] = [
      await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] }),
      await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] }),
    ];
    const who = (m: { id: string }) => ({ id: m.id, chapterId: chapter.id });
    await rsvpGoing(db, who(first!), { activityId: activity.id, ...noDetails }, now);
    await rsvpGoing(db, who(second!), { activityId: activity.id, ...noDetails }, now);
    // The place is freed three days ahead: it is offered to the one waiting, for 12 hours.
    await rsvpNotGoing(db, who(first!), { activityId: activity.id, note: null }, now);
    const cookie = await memberCookie(db, second!.id);
    const page = async () => (await call(noticesLoader, "/notices", { cookie })).data.notices;
    expect((await page()).map((n: { kind: string; offerOpen: boolean }) => [n.kind, n.offerOpen])).toEqual([
      ["offered", true],
    ]);
    await expireOffers(db, { now: new Date(now.getTime() + 13 * HOUR) });
    // Her offer ran out; its notice stays, plainly linked.
    const later = await page();
    expect(later.find((n: { kind: string }) => n.kind === "offered")).toMatchObject({ offerOpen: false });
  });

  it("plainly links an offer she has already taken", async () => {
    const db = database().db;
    const chapter = await createChapter(db);
    const group = await createGroup(db, { chapter_id: chapter.id });
    const now = new Date();
    const startsAt = new Date(now.getTime() + 72 * HOUR);
    const activity = await createActivity(db, {
      chapter_id: chapter.id,
      group_id: group.id,
      capacity: 1,
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    });
    const first = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] });
    const second = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] });
    const who = (m: { id: string }) => ({ id: m.id, chapterId: chapter.id });
    await rsvpGoing(db, who(first), { activityId: activity.id, ...noDetails }, now);
    await rsvpGoing(db, who(second), { activityId: activity.id, ...noDetails }, now);
    await rsvpNotGoing(db, who(first), { activityId: activity.id, note: null }, now);
    // She says yes: the place is hers, nothing is left to answer.
    await rsvpGoing(db, who(second), { activityId: activity.id, ...noDetails }, now);
    const notices = (await call(noticesLoader, "/notices", { cookie: await memberCookie(db, second.id) })).data.notices;
    expect(notices.find((n: { kind: string }) => n.kind === "offered")).toMatchObject({ offerOpen: false });
  });
});
