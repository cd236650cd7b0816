import { describe, expect, it } from "vitest";
import {
  activityFieldsSchema,
  activityToFormValues,
  MAX_OCCURRENCES,
  newActivitySchema,
  overflowCount,
  planOccurrences,
  resolveActivityTimes,
} from "~/features/activities/activity-form";

const base = {
  title: "Middag",
  description: "",
  startDate: "2027-01-14",
  startTime: "18:00",
  endDate: "2027-01-14",
  endTime: "20:00",
  area: "Sentrum",
  address: "",
  capacity: "",
  deadlineDate: "",
  deadlineTime: "",
  languages: "nb,en",
};

function parse(fields: Record<string, string>) {
  return activityFieldsSchema.safeParse({ ...base, ...fields });
}

function errorFor(fields: Record<string, string>, field: string) {
  const result = parse(fields);
  if (result.success) return undefined;
  return result.error.issues.find((i) => i.path[0] === field)?.message;
}

describe("the activity fields", () => {
  it("strips line breaks from one-line fields and keeps HTML as plain text", () => {
    const result = parse({ title: "Kafé\r\nX-Injected: 1 <script>alert(1)</script>", area: "Sentrum\n\rvest" });
    expect(result.success && result.data.title).toBe("Kafé X-Injected: 1 <script>alert(1)</script>");
    expect(result.success && result.data.area).toBe("Sentrum vest");
  });

  it("keeps paragraphs in the description with plain line feeds", () => {
    const result = parse({ description: "En\r\n\r\nTo" });
    expect(result.success && result.data.description).toBe("En\n\nTo");
  });

  it("reads a blank capacity as no limit and refuses 0, negative, huge and non-numbers", () => {
    const ok = parse({ capacity: " " });
    expect(ok.success && ok.data.capacity).toBeNull();
    expect(errorFor({ capacity: "0" }, "capacity")).toBe("staff.capacityTooSmall");
    expect(errorFor({ capacity: "-5" }, "capacity")).toBe("staff.capacityTooSmall");
    expect(errorFor({ capacity: "100000" }, "capacity")).toBe("staff.capacityTooLarge");
    expect(errorFor({ capacity: "1e3" }, "capacity")).toBe("staff.capacityNumber");
    expect(errorFor({ capacity: "99999999999999999999" }, "capacity")).toBe("staff.capacityNumber");
  });

  it("refuses a day that is not in the calendar", () => {
    expect(errorFor({ startDate: "2027-02-30" }, "startDate")).toBe("staff.invalidDate");
  });

  it("needs at least one known language and stores them in a fixed order", () => {
    expect(errorFor({ languages: "" }, "languages")).toBe("staff.languagesRequired");
    expect(errorFor({ languages: "nb,xx" }, "languages")).toBe("staff.languagesRequired");
    const result = parse({ languages: "ar,nb,ar" });
    expect(result.success && result.data.languages).toBe("nb,ar");
  });

  it("never reads fields it does not name", () => {
    const result = newActivitySchema.safeParse({
      ...base,
      target: "group:abc",
      chapterId: "other",
      sequence: "9",
      id: "x",
    });
    expect(result.success && Object.keys(result.data)).not.toContain("chapterId");
  });
});

describe("activity times", () => {
  const fields = (overrides: Record<string, string | undefined> = {}) => {
    const result = activityFieldsSchema.parse({ ...base, ...overrides });
    return result;
  };

  it("converts Oslo wall-clock times to UTC", () => {
    expect(resolveActivityTimes(fields())).toEqual({
      ok: true,
      times: { startsAt: "2027-01-14T17:00:00.000Z", endsAt: "2027-01-14T19:00:00.000Z", rsvpDeadline: null },
    });
  });

  it("refuses an end before (or at) the start", () => {
    expect(resolveActivityTimes(fields({ endTime: "17:00" }))).toEqual({
      ok: false,
      errors: { endTime: "staff.endBeforeStart" },
    });
    expect(resolveActivityTimes(fields({ endTime: "18:00" }))).toEqual({
      ok: false,
      errors: { endTime: "staff.endBeforeStart" },
    });
  });

  it("refuses a start in the spring-forward gap", () => {
    const result = resolveActivityTimes(
      fields({ startDate: "2027-03-28", startTime: "02:30", endDate: "2027-03-28", endTime: "04:00" }),
    );
    expect(result).toEqual({ ok: false, errors: { startTime: "staff.nonexistentTime" } });
  });

  it("asks which reading of a fall-back time is meant, and uses the one chosen", () => {
    const ambiguous = { startDate: "2027-10-31", startTime: "02:30", endDate: "2027-10-31", endTime: "04:00" };
    expect(resolveActivityTimes(fields(ambiguous))).toEqual({
      ok: false,
      errors: { startTime: "staff.ambiguousTime" },
    });
    const later = resolveActivityTimes(fields({ ...ambiguous, startFold: "later" }));
    expect(later.ok && later.times.startsAt).toBe("2027-10-31T01:30:00.000Z");
    const earlier = resolveActivityTimes(fields({ ...ambiguous, startFold: "earlier" }));
    expect(earlier.ok && earlier.times.startsAt).toBe("2027-10-31T00:30:00.000Z");
  });

  it("needs the deadline before the start, with both its date and time", () => {
    expect(resolveActivityTimes(fields({ deadlineDate: "2027-01-15", deadlineTime: "12:00" }))).toEqual({
      ok: false,
      errors: { deadlineTime: "staff.deadlineAfterStart" },
    });
    expect(resolveActivityTimes(fields({ deadlineDate: "2027-01-12" }))).toEqual({
      ok: false,
      errors: { deadlineTime: "required" },
    });
  });

  it("gives back the form values of a stored activity, fold included", () => {
    const values = activityToFormValues({
      title: "T",
      description: "",
      starts_at: "2027-10-31T01:30:00.000Z",
      ends_at: "2027-10-31T03:00:00.000Z",
      area: "A",
      address: null,
      capacity: 8,
      rsvp_deadline: null,
      languages: "nb",
      interpreter_available: 1,
    });
    expect(values).toMatchObject({
      startDate: "2027-10-31",
      startTime: "02:30",
      startFold: "later",
      capacity: "8",
      interpreter: "on",
    });
    expect(values.endFold).toBeUndefined();
  });
});

describe("repeating activities", () => {
  const plan = (overrides: Record<string, string>) =>
    planOccurrences(newActivitySchema.parse({ ...base, target: "chapter:x", ...overrides }));

  it("makes one occurrence per week at the same Oslo time, across the spring clock change", () => {
    const result = plan({
      startDate: "2027-03-18",
      endDate: "2027-03-18",
      repeat: "weekly",
      repeatUntil: "2027-04-01",
    });
    expect(result.occurrences?.map((o) => o.startsAt)).toEqual([
      "2027-03-18T17:00:00.000Z",
      "2027-03-25T17:00:00.000Z",
      "2027-04-01T16:00:00.000Z",
    ]);
  });

  it("makes every other week, including the until day", () => {
    const result = plan({ repeat: "biweekly", repeatUntil: "2027-02-11" });
    expect(result.occurrences?.map((o) => o.startsAt.slice(0, 10))).toEqual(["2027-01-14", "2027-01-28", "2027-02-11"]);
  });

  it("refuses more than the cap, an until before the start, and a missing until", () => {
    expect(plan({ repeat: "weekly", repeatUntil: "2029-01-01" })).toEqual({
      ok: false,
      errors: { repeatUntil: "staff.tooManyOccurrences" },
    });
    expect(plan({ repeat: "weekly", repeatUntil: "2027-01-01" })).toEqual({
      ok: false,
      errors: { repeatUntil: "staff.repeatUntilBeforeStart" },
    });
    expect(plan({ repeat: "weekly", repeatUntil: "" })).toEqual({ ok: false, errors: { repeatUntil: "required" } });
    const year = plan({ repeat: "weekly", repeatUntil: "2028-01-06" });
    expect(year.occurrences).toHaveLength(MAX_OCCURRENCES);
  });

  it("refuses a series where one occurrence falls in the spring-forward gap", () => {
    const result = plan({
      startDate: "2027-03-21",
      startTime: "02:30",
      endDate: "2027-03-21",
      endTime: "04:00",
      repeat: "weekly",
      repeatUntil: "2027-04-04",
    });
    expect(result).toEqual({ ok: false, errors: { repeatUntil: "staff.occurrenceTimeInvalid" } });
  });
});

describe("overflow", () => {
  it("counts those going beyond a lowered capacity, and nobody without a limit", () => {
    expect(overflowCount(5, 8)).toBe(3);
    expect(overflowCount(10, 8)).toBe(0);
    expect(overflowCount(null, 80)).toBe(0);
  });
});
