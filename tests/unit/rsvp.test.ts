import { nextArrival, rsvpFormSchema, RSVP_NOTE_MAX, statusForGoing } from "~/features/answers/answer-rules";
import { answerBlock, placesState, rsvpDeadline } from "~/features/activities/answer-window";
import { pickPromotions } from "~/features/waitlist/waitlist-rules";
import { parseForm } from "~/platform/forms";

const starts = "2026-12-10T17:00:00.000Z";
const scheduled = { status: "scheduled" as const, starts_at: starts, rsvp_deadline: null };

describe("who may still answer", () => {
  test("answers close when the activity starts if there is no deadline", () => {
    expect(rsvpDeadline(scheduled)).toBe(starts);
    expect(answerBlock(scheduled, new Date("2026-12-10T16:59:59.000Z"))).toBeNull();
    expect(answerBlock(scheduled, new Date(starts))).toBe("closed");
  });

  test("answers close at the RSVP deadline when there is one", () => {
    const withDeadline = { ...scheduled, rsvp_deadline: "2026-12-08T12:00:00.000Z" };
    expect(rsvpDeadline(withDeadline)).toBe("2026-12-08T12:00:00.000Z");
    expect(answerBlock(withDeadline, new Date("2026-12-08T11:59:00.000Z"))).toBeNull();
    expect(answerBlock(withDeadline, new Date("2026-12-09T00:00:00.000Z"))).toBe("closed");
  });

  test("a cancelled activity takes no answers, even long before it", () => {
    expect(answerBlock({ ...scheduled, status: "cancelled" }, new Date("2026-01-01T00:00:00.000Z"))).toBe("cancelled");
  });
});

describe("what a going answer becomes", () => {
  test("it is going while there are places and waitlisted once the activity is full", () => {
    expect(statusForGoing(3, 2)).toBe("going");
    expect(statusForGoing(3, 3)).toBe("waitlisted");
    expect(statusForGoing(3, 5)).toBe("waitlisted");
  });

  test("without a capacity everyone is going", () => {
    expect(statusForGoing(null, 1000)).toBe("going");
  });

  test("every new answer arrives after the last one", () => {
    expect(nextArrival(null)).toBe(1);
    expect(nextArrival(undefined)).toBe(1);
    expect(nextArrival(7)).toBe(8);
  });
});

describe("promotion from the waitlist", () => {
  const waitlist = [
    { id: "c", arrival: 9 },
    { id: "a", arrival: 4 },
    { id: "b", arrival: 6 },
  ];

  test("the earliest arrivals are promoted, as many as there are free places", () => {
    expect(pickPromotions(5, 3, waitlist).map((w) => w.id)).toEqual(["a", "b"]);
  });

  test("nobody is promoted when the activity is full or over capacity", () => {
    expect(pickPromotions(3, 3, waitlist)).toEqual([]);
    expect(pickPromotions(2, 3, waitlist)).toEqual([]);
  });

  test("without a capacity the whole waitlist is promoted in arrival order", () => {
    expect(pickPromotions(null, 10, waitlist).map((w) => w.id)).toEqual(["a", "b", "c"]);
  });
});

describe("places shown on a card", () => {
  test("shows places left, full, or no limit", () => {
    expect(placesState(10, 7)).toEqual({ kind: "open", left: 3 });
    expect(placesState(10, 10)).toEqual({ kind: "full" });
    expect(placesState(2, 3)).toEqual({ kind: "full" });
    expect(placesState(null, 3)).toEqual({ kind: "unlimited" });
  });
});

describe("the answer form", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    return parseForm(data, rsvpFormSchema);
  };

  test("reads an answer with a note and the pseudonym choice", () => {
    expect(form({ intent: "going", note: "  Jeg trenger tolk\r\n ", showPseudonym: "on" })).toEqual({
      ok: true,
      data: { intent: "going", note: "Jeg trenger tolk", showPseudonym: true, meetAtDoor: false, meetPlace: null },
    });
  });

  test("an empty note is no note, and the pseudonym stays hidden unless ticked", () => {
    expect(form({ intent: "not_going", note: "   " })).toEqual({
      ok: true,
      data: { intent: "not_going", note: null, showPseudonym: false, meetAtDoor: false, meetPlace: null },
    });
  });

  test("reads a request to be met at a place, with the place's spaces tidied", () => {
    expect(form({ intent: "going", meetAtDoor: "on", meetPlace: "  ved   kiosken " })).toMatchObject({
      ok: true,
      data: { meetAtDoor: true, meetPlace: "ved kiosken" },
    });
  });

  test("refuses a missing or unknown answer", () => {
    expect(form({})).toMatchObject({ ok: false, errors: { intent: "activities.chooseAnswer" } });
    expect(form({ intent: "maybe" })).toMatchObject({ ok: false, errors: { intent: "activities.chooseAnswer" } });
  });

  test("refuses an overlong note but keeps what was typed", () => {
    const long = "a".repeat(RSVP_NOTE_MAX + 1);
    expect(form({ intent: "going", note: long })).toMatchObject({
      ok: false,
      errors: { note: "activities.noteTooLong" },
      values: { note: long },
    });
    expect(form({ intent: "going", note: "a".repeat(RSVP_NOTE_MAX) }).ok).toBe(true);
  });

  test("refuses control and bidirectional-override characters but keeps scripts that need joiners", () => {
    expect(form({ intent: "going", note: "hei\u202Eedoc" })).toMatchObject({
      errors: { note: "activities.noteCharacters" },
    });
    expect(form({ intent: "going", note: "hei\u0007" })).toMatchObject({
      errors: { note: "activities.noteCharacters" },
    });
    expect(form({ intent: "going", note: "می\u200Cخواهم\nاینجا" }).ok).toBe(true);
  });
});
