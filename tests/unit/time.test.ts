import { describe, expect, it } from "vitest";
import {
  addDaysToDateInput,
  formatOsloDateInput,
  formatOsloTimeInput,
  isAmbiguousOsloTime,
  osloFoldOf,
  osloLocalToUtc,
} from "~/platform/oslo-time";

describe("osloLocalToUtc", () => {
  it("reads a winter time as one hour ahead of UTC", () => {
    expect(osloLocalToUtc("2027-01-15", "18:00")).toEqual({ ok: true, utc: "2027-01-15T17:00:00.000Z" });
  });

  it("reads a summer time as two hours ahead of UTC", () => {
    expect(osloLocalToUtc("2027-07-01", "09:30")).toEqual({ ok: true, utc: "2027-07-01T07:30:00.000Z" });
  });

  it("refuses a time inside the spring-forward gap", () => {
    expect(osloLocalToUtc("2027-03-28", "02:30")).toEqual({ ok: false, reason: "nonexistent" });
    expect(osloLocalToUtc("2027-03-28", "02:00")).toEqual({ ok: false, reason: "nonexistent" });
  });

  it("accepts the times right around the spring-forward gap", () => {
    expect(osloLocalToUtc("2027-03-28", "01:59")).toEqual({ ok: true, utc: "2027-03-28T00:59:00.000Z" });
    expect(osloLocalToUtc("2027-03-28", "03:00")).toEqual({ ok: true, utc: "2027-03-28T01:00:00.000Z" });
  });

  it("returns both readings of a fall-back time and picks summer time unless told otherwise", () => {
    const candidates = { earlier: "2027-10-31T00:30:00.000Z", later: "2027-10-31T01:30:00.000Z" };
    expect(osloLocalToUtc("2027-10-31", "02:30")).toEqual({ ok: true, utc: candidates.earlier, candidates });
    expect(osloLocalToUtc("2027-10-31", "02:30", { prefer: "later" })).toEqual({
      ok: true,
      utc: candidates.later,
      candidates,
    });
  });

  it("treats the hour after the fall-back hour as plain winter time", () => {
    expect(osloLocalToUtc("2027-10-31", "03:00")).toEqual({ ok: true, utc: "2027-10-31T02:00:00.000Z" });
  });

  it("refuses days that are not in the calendar", () => {
    expect(osloLocalToUtc("2027-02-30", "12:00")).toEqual({ ok: false, reason: "invalid-date" });
    expect(osloLocalToUtc("2027-02-29", "12:00")).toEqual({ ok: false, reason: "invalid-date" });
    expect(osloLocalToUtc("2027-13-01", "12:00")).toEqual({ ok: false, reason: "invalid-date" });
    expect(osloLocalToUtc("27-01-01", "12:00")).toEqual({ ok: false, reason: "invalid-date" });
    expect(osloLocalToUtc("", "12:00")).toEqual({ ok: false, reason: "invalid-date" });
  });

  it("accepts the leap day in a leap year", () => {
    expect(osloLocalToUtc("2028-02-29", "12:00")).toEqual({ ok: true, utc: "2028-02-29T11:00:00.000Z" });
  });

  it("refuses times that are not on a 24-hour clock", () => {
    expect(osloLocalToUtc("2027-01-15", "24:00")).toEqual({ ok: false, reason: "invalid-time" });
    expect(osloLocalToUtc("2027-01-15", "7:00")).toEqual({ ok: false, reason: "invalid-time" });
    expect(osloLocalToUtc("2027-01-15", "12:60")).toEqual({ ok: false, reason: "invalid-time" });
  });
});

describe("Oslo form values", () => {
  it("gives back the date and time staff typed, across both clock changes", () => {
    for (const [date, time] of [
      ["2027-01-15", "18:00"],
      ["2027-03-28", "03:00"],
      ["2027-07-01", "00:15"],
      ["2027-10-31", "01:59"],
      ["2027-12-31", "23:59"],
    ] as const) {
      const result = osloLocalToUtc(date, time);
      if (!result.ok) throw new Error(`${date} ${time} should exist`);
      expect([formatOsloDateInput(result.utc), formatOsloTimeInput(result.utc)]).toEqual([date, time]);
    }
  });

  it("shows a UTC instant just before midnight as the next Oslo day", () => {
    expect(formatOsloDateInput("2027-01-15T23:30:00.000Z")).toBe("2027-01-16");
    expect(formatOsloTimeInput("2027-01-15T23:30:00.000Z")).toBe("00:30");
  });

  it("knows which reading of an ambiguous time an instant is", () => {
    expect(isAmbiguousOsloTime("2027-10-31", "02:15")).toBe(true);
    expect(isAmbiguousOsloTime("2027-10-30", "02:15")).toBe(false);
    expect(osloFoldOf("2027-10-31T00:15:00.000Z")).toBe("earlier");
    expect(osloFoldOf("2027-10-31T01:15:00.000Z")).toBe("later");
    expect(osloFoldOf("2027-10-31T03:15:00.000Z")).toBeNull();
  });

  it("adds days across month ends and leap days", () => {
    expect(addDaysToDateInput("2027-01-28", 7)).toBe("2027-02-04");
    expect(addDaysToDateInput("2028-02-22", 7)).toBe("2028-02-29");
    expect(addDaysToDateInput("2027-12-29", 14)).toBe("2028-01-12");
  });
});
