// Reads calendars the way a calendar app does, with ical.js (the parser behind Thunderbird):
// the calendar's own VTIMEZONE blocks are registered first, as clients do, so times resolve
// through them and not through the test process's time zone.
import ICAL from "ical.js";

export interface ParsedEvent {
  uid: string;
  summary: string | null;
  description: string | null;
  location: string | null;
  status: string | null;
  transparency: string | null;
  sequence: number;
  /** DTSTART as the wall clock of its zone, e.g. "2027-03-25T18:00:00" */
  startLocal: string;
  endLocal: string;
  startZone: string;
  /** the instant, resolved through the calendar's VTIMEZONE */
  startUtc: string;
  endUtc: string;
  dtstamp: string;
  lastModified: string | null;
  propertyNames: string[];
}

export interface ParsedCalendar {
  name: string | null;
  refreshInterval: string | null;
  publishedTtl: string | null;
  timezoneIds: string[];
  propertyNames: string[];
  events: ParsedEvent[];
}

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

export function parseCalendar(source: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(source));
  ICAL.TimezoneService.reset();
  const timezones = calendar.getAllSubcomponents("vtimezone");
  for (const vtimezone of timezones) ICAL.TimezoneService.register(vtimezone);

  const events = calendar.getAllSubcomponents("vevent").map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    const start = event.startDate;
    const end = event.endDate;
    return {
      uid: event.uid,
      summary: text(vevent, "summary"),
      description: text(vevent, "description"),
      location: text(vevent, "location"),
      status: text(vevent, "status"),
      transparency: text(vevent, "transp"),
      sequence: event.sequence,
      startLocal: start.toString(),
      endLocal: end.toString(),
      startZone: start.zone?.tzid ?? "floating",
      startUtc: start.toJSDate().toISOString(),
      endUtc: end.toJSDate().toISOString(),
      dtstamp: String(vevent.getFirstPropertyValue("dtstamp")),
      lastModified: text(vevent, "last-modified"),
      propertyNames: vevent.getAllProperties().map((p) => p.name),
    };
  });
  return {
    name: text(calendar, "x-wr-calname"),
    refreshInterval: text(calendar, "refresh-interval"),
    publishedTtl: text(calendar, "x-published-ttl"),
    timezoneIds: timezones.map((tz) => String(tz.getFirstPropertyValue("tzid"))),
    propertyNames: calendar.getAllProperties().map((p) => p.name),
    events,
  };
}
