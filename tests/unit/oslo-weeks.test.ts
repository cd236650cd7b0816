import { osloWeekRange, parseWeekOffset, WEEKS_OFFERED } from "~/platform/oslo-weeks";

describe("weeks in Oslo", () => {
  test("this week runs from Monday midnight to the next Monday midnight, Oslo time", () => {
    // Wednesday 2 December 2026, 10:00 in Oslo (winter time, UTC+1).
    const { start, end } = osloWeekRange(new Date("2026-12-02T09:00:00.000Z"), 0);
    expect(start.toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(end.toISOString()).toBe("2026-12-06T23:00:00.000Z");
  });

  test("late Sunday evening in Oslo still belongs to that week, though UTC says Sunday too", () => {
    const { start } = osloWeekRange(new Date("2026-12-06T22:30:00.000Z"), 0);
    expect(start.toISOString()).toBe("2026-11-29T23:00:00.000Z");
  });

  test("just after Monday midnight in Oslo is already the new week, though UTC still says Sunday", () => {
    const { start } = osloWeekRange(new Date("2026-12-06T23:30:00.000Z"), 0);
    expect(start.toISOString()).toBe("2026-12-06T23:00:00.000Z");
  });

  test("a week over the change to summer time is an hour shorter", () => {
    // The clocks go forward on Sunday 29 March 2026.
    const { start, end } = osloWeekRange(new Date("2026-03-25T12:00:00.000Z"), 0);
    expect(start.toISOString()).toBe("2026-03-22T23:00:00.000Z");
    expect(end.toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  test("next week follows this week, across a year end", () => {
    const { start, end } = osloWeekRange(new Date("2026-12-30T12:00:00.000Z"), 1);
    expect(start.toISOString()).toBe("2027-01-03T23:00:00.000Z");
    expect(end.toISOString()).toBe("2027-01-10T23:00:00.000Z");
  });

  test("only the offered weeks are read from the address", () => {
    expect(parseWeekOffset("0")).toBe(0);
    expect(parseWeekOffset(String(WEEKS_OFFERED - 1))).toBe(WEEKS_OFFERED - 1);
    expect(parseWeekOffset(String(WEEKS_OFFERED))).toBeUndefined();
    for (const bad of [null, "", "-1", "1.5", "x", "1e1", "001"]) expect(parseWeekOffset(bad)).toBeUndefined();
  });
});
