import { holidayConflicts, holidayOf } from "~/features/activities/holidays.server";
import { addDaysToDateInput } from "~/platform/oslo-time";

const weeklyFrom = (start: string, weeks: number) =>
  Array.from({ length: weeks }, (_, i) => addDaysToDateInput(start, i * 7));

describe("holidays for a repeating activity", () => {
  it("finds Christmas Eve and New Year's Eve in a Thursday series over Christmas 2026", () => {
    const found = holidayConflicts(weeklyFrom("2026-12-10", 6));
    expect(found.map((h) => [h.date, h.period])).toEqual([
      ["2026-12-24", "christmas"],
      ["2026-12-31", "christmas"],
    ]);
  });

  it("names the public holidays of the Christmas week and New Year's Day", () => {
    expect(holidayOf("2026-12-25")).toMatchObject({ period: "christmas", name: "Første juledag" });
    expect(holidayOf("2027-01-01", "en")).toMatchObject({ period: "christmas", name: "New Year's Day" });
    expect(holidayOf("2027-01-02")).toBeUndefined();
  });

  it("finds the Easter week 2026 (Palm Sunday 29 March to Easter Monday 6 April) in a Monday series", () => {
    const found = holidayConflicts(weeklyFrom("2026-03-16", 5));
    expect(found.map((h) => [h.date, h.period, h.name])).toEqual([
      ["2026-03-30", "easter", null],
      ["2026-04-06", "easter", "Andre påskedag"],
    ]);
    expect(holidayOf("2026-03-28")).toBeUndefined();
    expect(holidayOf("2026-04-07")).toBeUndefined();
  });

  it("moves with Easter: in 2027 the Easter week is 21 to 29 March", () => {
    expect(holidayConflicts(weeklyFrom("2027-03-11", 4)).map((h) => [h.date, h.name])).toEqual([
      ["2027-03-25", "Skjærtorsdag"],
    ]);
    expect(holidayOf("2027-03-21")?.period).toBe("easter");
    expect(holidayOf("2027-03-29")?.name).toBe("Andre påskedag");
    expect(holidayOf("2027-03-30")).toBeUndefined();
  });

  it("finds public holidays outside the two weeks, such as Constitution Day 2026 and Ascension 2027", () => {
    expect(holidayOf("2026-05-17")).toMatchObject({ period: "publicHoliday", name: "Grunnlovsdagen" });
    expect(holidayOf("2027-05-06")).toMatchObject({ period: "publicHoliday", name: "Kristi himmelfartsdag" });
    expect(holidayOf("2026-05-18")).toBeUndefined();
  });
});
