import { isQuietHour, reminderDue, reminderPushAt } from "~/features/notices/reminder-rules";

describe("reminder rules", () => {
  test("other quiet hours can be set, within a day or over midnight, or none at all", () => {
    const evening = new Date("2026-12-02T19:30:00Z"); // 20:30 in Oslo
    expect(isQuietHour(evening, { from: 20, until: 7 })).toBe(true);
    expect(isQuietHour(evening, { from: 13, until: 15 })).toBe(false);
    expect(isQuietHour(new Date("2026-12-02T13:30:00Z"), { from: 13, until: 15 })).toBe(true); // 14:30
    expect(isQuietHour(new Date("2026-12-02T23:30:00Z"), { from: 0, until: 0 })).toBe(false); // 00:30, none
    expect(reminderPushAt(evening, { from: 20, until: 7 }).toISOString()).toBe("2026-12-03T06:00:00.000Z");
  });

  test("quiet hours run from 22:00 to 08:00 Oslo time, in winter and in summer", () => {
    expect(isQuietHour(new Date("2026-12-02T20:59:00Z"))).toBe(false); // 21:59 in Oslo (UTC+1)
    expect(isQuietHour(new Date("2026-12-02T21:00:00Z"))).toBe(true); // 22:00
    expect(isQuietHour(new Date("2026-12-03T06:59:00Z"))).toBe(true); // 07:59
    expect(isQuietHour(new Date("2026-12-03T07:00:00Z"))).toBe(false); // 08:00
    expect(isQuietHour(new Date("2026-06-02T20:00:00Z"))).toBe(true); // 22:00 in summer (UTC+2)
    expect(isQuietHour(new Date("2026-06-02T06:00:00Z"))).toBe(false); // 08:00 in summer
  });

  test("the day-before reminder is due from a day before the start until the start", () => {
    const start = "2026-12-03T17:00:00.000Z"; // 18:00 Oslo
    expect(reminderDue("day_before", start, new Date("2026-12-02T16:59:00Z"))).toBe(false);
    expect(reminderDue("day_before", start, new Date("2026-12-02T17:00:00Z"))).toBe(true);
    expect(reminderDue("day_before", start, new Date("2026-12-03T16:59:00Z"))).toBe(true);
    expect(reminderDue("day_before", start, new Date("2026-12-03T17:00:00Z"))).toBe(false);
  });

  test("the two-hour reminder waits for its time, quiet hours hold it back, and none means none", () => {
    const start = "2026-12-03T17:00:00.000Z";
    expect(reminderDue("two_hours", start, new Date("2026-12-03T14:59:00Z"))).toBe(false);
    expect(reminderDue("two_hours", start, new Date("2026-12-03T15:00:00Z"))).toBe(true);
    expect(reminderDue("none", start, new Date("2026-12-03T15:00:00Z"))).toBe(false);
    // An activity at 08:30 Oslo: two hours before is 06:30, in quiet hours; at 08:00 it may go.
    const early = "2026-12-03T07:30:00.000Z";
    expect(reminderDue("two_hours", early, new Date("2026-12-03T05:30:00Z"))).toBe(false);
    expect(reminderDue("two_hours", early, new Date("2026-12-03T07:00:00Z"))).toBe(true);
  });

  test("a reminder's push goes at once outside quiet hours and waits for 08:00 Oslo time inside them", () => {
    const day = new Date("2026-12-02T14:00:00Z"); // 15:00 in Oslo
    expect(reminderPushAt(day)).toEqual(day);
    expect(reminderPushAt(new Date("2026-12-02T21:30:00Z")).toISOString()).toBe("2026-12-03T07:00:00.000Z");
    expect(reminderPushAt(new Date("2026-12-03T05:00:00Z")).toISOString()).toBe("2026-12-03T07:00:00.000Z");
    expect(reminderPushAt(new Date("2026-06-02T21:00:00Z")).toISOString()).toBe("2026-06-03T06:00:00.000Z");
  });
});
