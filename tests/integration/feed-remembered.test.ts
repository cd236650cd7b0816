import { createFeedToken } from "~/features/calendar/feed-tokens.server";
import { answerFeedRequest } from "~/features/calendar/serve-feed.server";
import { rsvpGoing } from "~/features/answers/answers.server";
import { createActivity, createChapter, createMember } from "../factories";
import { createTestDatabase, type TestDatabase } from "../setup/db";
import { recordingDatabase } from "./support/query-plan";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

const ask = (token: string) => ({
  token,
  clientAddress: "127.0.0.1",
  calendarName: "Kalender",
  ifNoneMatch: null,
  ifModifiedSince: null,
});

describe("a calendar app asking again for the whole feed", () => {
  test("is answered from memory: its own rate-limit count does not make the feed's version be read again", async () => {
    const db = database.db;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    await createActivity(db, { chapter_id: chapter.id });
    const { token } = await createFeedToken(db, { memberId: member.id });
    const recording = recordingDatabase(database.sqlite);
    const first = await answerFeedRequest(recording.db, ask(token));
    expect(first.kind).toBe("calendar");
    // The first one counts the limiter's secret in too; from the second on the answers are steady.
    await answerFeedRequest(recording.db, ask(token));
    recording.reset();
    const again = await answerFeedRequest(recording.db, ask(token));
    expect(again).toEqual(first);
    const reads = recording.queries.filter((q) => /from "activities"/.test(q.sql));
    expect(reads).toEqual([]);
  });

  test("still sees a change someone else wrote between two answers", async () => {
    const db = database.db;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    const activity = await createActivity(db, { chapter_id: chapter.id });
    const { token } = await createFeedToken(db, { memberId: member.id });
    const first = await answerFeedRequest(db, ask(token));
    await answerFeedRequest(db, ask(token));
    await rsvpGoing(
      db,
      { id: member.id, chapterId: chapter.id },
      { activityId: activity.id, note: null, showPseudonym: false },
    );
    const after = await answerFeedRequest(db, ask(token));
    expect(after.kind).toBe("calendar");
    if (after.kind !== "calendar" || first.kind !== "calendar") throw new Error("no calendar");
    expect(after.etag).not.toBe(first.etag);
  });
});
