import {
  isoWeekKey,
  isoWeekOfDate,
  isoWeeksInYear,
  mondayOfIsoWeek,
  osloIsoWeekAt,
  osloIsoWeekRange,
  parseIsoWeekKey,
  shiftIsoWeek,
} from "~/platform/oslo-weeks";

describe("ISO weeks as Norway counts them", () => {
  test("New Year's Day 2027, a Friday, belongs to week 53 of 2026", () => {
    expect(isoWeekOfDate("2027-01-01")).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOfDate("2027-01-04")).toEqual({ year: 2027, week: 1 });
  });

  test("29 December 2025, a Monday, is already week 1 of 2026", () => {
    expect(isoWeekOfDate("2025-12-29")).toEqual({ year: 2026, week: 1 });
    expect(mondayOfIsoWeek({ year: 2026, week: 1 })).toBe("2025-12-29");
  });

  test("2026 has 53 weeks and 2027 has 52", () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2027)).toBe(52);
  });

  test("a week key is read back only when the week exists", () => {
    expect(parseIsoWeekKey("2026-W53")).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeekKey("2027-W53")).toBeUndefined();
    expect(parseIsoWeekKey("2026-W00")).toBeUndefined();
    expect(parseIsoWeekKey("2026-W5")).toBeUndefined();
    expect(parseIsoWeekKey("x")).toBeUndefined();
    expect(parseIsoWeekKey(null)).toBeUndefined();
    expect(isoWeekKey({ year: 2026, week: 5 })).toBe("2026-W05");
  });

  test("the week after week 53 of 2026 is week 1 of 2027, and back again", () => {
    expect(shiftIsoWeek({ year: 2026, week: 53 }, 1)).toEqual({ year: 2027, week: 1 });
    expect(shiftIsoWeek({ year: 2027, week: 1 }, -1)).toEqual({ year: 2026, week: 53 });
  });

  test("a week runs from Monday midnight in Oslo to the next Monday midnight", () => {
    const { days, start, end } = osloIsoWeekRange({ year: 2026, week: 53 });
    expect(days).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
    expect(start.toISOString()).toBe("2026-12-27T23:00:00.000Z");
    expect(end.toISOString()).toBe("2027-01-03T23:00:00.000Z");
  });

  test("half past midnight on a Monday in Oslo is the new week, though UTC still says Sunday", () => {
    expect(osloIsoWeekAt(new Date("2026-12-13T23:30:00.000Z"))).toEqual({ year: 2026, week: 51 });
    expect(osloIsoWeekAt(new Date("2026-12-13T22:30:00.000Z"))).toEqual({ year: 2026, week: 50 });
  });
});
