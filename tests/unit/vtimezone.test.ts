import ICAL from "ical.js";
import { ZoneTable } from "~/features/calendar/vtimezone.server";
import { utcOffsetSeconds, wallClock } from "~/platform/oslo-time";

const OSLO = "Europe/Oslo";

describe("VTIMEZONE blocks from the built-in time-zone database", () => {
  test("Oslo gets one DAYLIGHT and one STANDARD observance per year, at the real change times", () => {
    const block = ZoneTable.forYears(OSLO, 2026, 2027).vtimezone();
    const component = new ICAL.Component(
      ICAL.parse(`BEGIN:VCALENDAR\r\n${block}\r\nEND:VCALENDAR`),
    ).getFirstSubcomponent("vtimezone")!;
    const observances = component.getAllSubcomponents().map((o) => ({
      kind: o.name,
      start: String(o.getFirstPropertyValue("dtstart")),
      from: String(o.getFirstPropertyValue("tzoffsetfrom")),
      to: String(o.getFirstPropertyValue("tzoffsetto")),
    }));
    expect(observances).toEqual([
      { kind: "daylight", start: "2026-03-29T02:00:00", from: "+01:00", to: "+02:00" },
      { kind: "standard", start: "2026-10-25T03:00:00", from: "+02:00", to: "+01:00" },
      { kind: "daylight", start: "2027-03-28T02:00:00", from: "+01:00", to: "+02:00" },
      { kind: "standard", start: "2027-10-31T03:00:00", from: "+02:00", to: "+01:00" },
    ]);
    expect(block).not.toContain("RRULE");
  });

  test("a zone without clock changes gets a single STANDARD observance", () => {
    const block = ZoneTable.forYears("Asia/Tokyo", 2026, 2027).vtimezone();
    expect(block.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(["BEGIN:STANDARD"]);
    expect(block).toContain("TZOFFSETTO:+0900");
  });

  test("the table's wall clock and offsets agree with Intl, every hour across two years", () => {
    const table = ZoneTable.forYears(OSLO, 2026, 2027);
    for (let t = Date.parse("2026-01-01T00:00:00Z"); t < Date.parse("2028-01-01T00:00:00Z"); t += 3600_000 + 17_000) {
      expect(table.wallClock(t)).toEqual(wallClock(OSLO, t));
      expect(table.offsetAt(t)).toBe(utcOffsetSeconds(OSLO, t));
    }
  });

  test("wall clock and offset come from the zone, not from the process time zone", () => {
    expect(wallClock(OSLO, Date.parse("2027-07-01T16:00:00Z"))).toMatchObject({ hour: 18, minute: 0 });
    expect(utcOffsetSeconds(OSLO, Date.parse("2027-01-01T12:00:00Z"))).toBe(3600);
    expect(utcOffsetSeconds(OSLO, Date.parse("2027-07-01T12:00:00Z"))).toBe(7200);
  });

  test("both readings of the repeated October hour are ambiguous, and no other time is", () => {
    const oslo = ZoneTable.forYears(OSLO, 2026, 2028);
    expect(oslo.isAmbiguous(Date.parse("2027-10-31T00:30:00Z"))).toBe(true); // 02:30 summer time
    expect(oslo.isAmbiguous(Date.parse("2027-10-31T01:30:00Z"))).toBe(true); // 02:30 again, winter time
    expect(oslo.isAmbiguous(Date.parse("2027-10-30T23:59:00Z"))).toBe(false); // 01:59, once
    expect(oslo.isAmbiguous(Date.parse("2027-10-31T02:00:00Z"))).toBe(false); // 03:00, once
    expect(oslo.isAmbiguous(Date.parse("2027-03-28T01:30:00Z"))).toBe(false); // spring: nothing repeats
    expect(oslo.isAmbiguous(Date.parse("2027-07-01T16:00:00Z"))).toBe(false);
  });
});
