// Oslo wall-clock time ⇄ UTC instants with Intl only, so the answer never depends on the
// server's own time zone. Staff type times as a clock in Oslo shows them; we store UTC.
//
// Twice a year the Oslo clock is not a simple function of UTC:
// - last Sunday of March, 02:00–02:59 does not exist (the clock jumps from 02:00 to 03:00);
// - last Sunday of October, 02:00–02:59 happens twice (summer time first, then winter time).
// A nonexistent time is refused; an ambiguous one is resolved by an explicit choice.
import { dateTimeFormat } from "~/i18n/intl";

const OSLO = "Europe/Oslo";
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export type Fold = "earlier" | "later";
export const FOLDS: readonly Fold[] = ["earlier", "later"];

export type OsloTimeResult =
  | {
      ok: true;
      /** the chosen instant, UTC ISO */
      utc: string;
      /** both instants when the time happens twice (earlier = summer time), else absent */
      candidates?: { earlier: string; later: string };
    }
  | { ok: false; reason: "invalid-date" | "invalid-time" | "nonexistent" };

/** What a clock shows: the one shape every wall-clock calculation in the app uses. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallClockFormatters.set(zone, formatter);
  }
  return formatter;
}

/** What a clock in `zone` shows at an instant, asked of Intl. Never depends on the process time zone. */
export function wallClock(zone: string, epochMs: number): WallClock {
  const parts = wallClockFormatter(zone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Seconds `zone` is ahead of UTC at an instant, asked of Intl. */
export function utcOffsetSeconds(zone: string, epochMs: number): number {
  const w = wallClock(zone, epochMs);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((wallAsUtc - Math.floor(epochMs / 1000) * 1000) / 1000);
}

function osloWallClock(at: Date): WallClock {
  return wallClock(OSLO, at.getTime());
}

/** The hour (0–23) an Oslo clock shows at an instant. */
export function osloHourOf(at: Date): number {
  return osloWallClock(at).hour;
}

/** Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(at: number): number {
  return Math.round(utcOffsetSeconds(OSLO, at) / 60);
}

/** A real calendar day written as YYYY-MM-DD (2027-02-30 is not one). */
export function parseDateInput(date: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1970 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return undefined;
  }
  return { year, month, day };
}

/** HH:MM on a 24-hour clock. */
export function parseTimeInput(time: string): { hour: number; minute: number } | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

/**
 * The UTC instant of an Oslo date and time. Refuses dates and times that do not exist; when the
 * time happens twice, returns both and picks the one `prefer` names (summer time by default).
 */
export function osloLocalToUtc(
  date: string,
  time: string,
  { prefer = "earlier" }: { prefer?: Fold } = {},
): OsloTimeResult {
  const day = parseDateInput(date);
  if (!day) return { ok: false, reason: "invalid-date" };
  const clock = parseTimeInput(time);
  if (!clock) return { ok: false, reason: "invalid-time" };

  const wallAsUtc = Date.UTC(day.year, day.month - 1, day.day, clock.hour, clock.minute);
  // The offsets in force a day either side cover both sides of any change on this day.
  const offsets = new Set([osloOffsetMinutes(wallAsUtc - DAY_MS), osloOffsetMinutes(wallAsUtc + DAY_MS)]);
  const instants = [...offsets]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((instant) => osloOffsetMinutes(instant) * MINUTE_MS === wallAsUtc - instant)
    .sort((a, b) => a - b);

  const [first, second] = instants;
  if (first === undefined) return { ok: false, reason: "nonexistent" };
  if (second === undefined) return { ok: true, utc: new Date(first).toISOString() };
  const candidates = { earlier: new Date(first).toISOString(), later: new Date(second).toISOString() };
  return { ok: true, utc: candidates[prefer], candidates };
}

/** Does this Oslo time happen twice on this day? */
export function isAmbiguousOsloTime(date: string, time: string): boolean {
  const result = osloLocalToUtc(date, time);
  return result.ok && result.candidates !== undefined;
}

/** Which of the two readings of an ambiguous Oslo time an instant is, or null when unambiguous. */
export function osloFoldOf(iso: string): Fold | null {
  const result = osloLocalToUtc(formatOsloDateInput(iso), formatOsloTimeInput(iso));
  if (!result.ok || !result.candidates) return null;
  return result.candidates.earlier === new Date(iso).toISOString() ? "earlier" : "later";
}

const pad = (n: number) => String(n).padStart(2, "0");

/** YYYY-MM-DD in Oslo, for <input type="date">. */
export function formatOsloDateInput(iso: string): string {
  const w = osloWallClock(new Date(iso));
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** HH:MM in Oslo, for <input type="time">. */
export function formatOsloTimeInput(iso: string): string {
  const w = osloWallClock(new Date(iso));
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** A calendar day plus whole days, as YYYY-MM-DD (calendar arithmetic, no time zone involved). */
export function addDaysToDateInput(date: string, days: number): string {
  const day = parseDateInput(date);
  if (!day) throw new Error(`not a date: ${date}`);
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day) + days * DAY_MS);
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** Days since the Monday of its week (Monday 0 … Sunday 6) of a calendar day written as YYYY-MM-DD. */
export function daysSinceMonday(date: string): number {
  const day = parseDateInput(date);
  if (!day) throw new Error(`not a date: ${date}`);
  return (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7;
}

/** Date and time for people to read, in Oslo, in the reader's language (e.g. "tir. 3. mars 18:00"). */
export function formatOsloDateTime(iso: string, localeTag: string): string {
  return dateTimeFormat(localeTag, {
    timeZone: OSLO,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** A day for people to read, in Oslo (e.g. "3. mars 2027"). */
export function formatOsloDay(isoOrDate: string, localeTag: string): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? `${isoOrDate}T12:00:00.000Z` : isoOrDate;
  return dateTimeFormat(localeTag, { timeZone: OSLO, day: "numeric", month: "long", year: "numeric" }).format(
    new Date(instant),
  );
}

/** Whole calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetweenDateInputs(from: string, to: string): number {
  const a = parseDateInput(from);
  const b = parseDateInput(to);
  if (!a || !b) throw new Error(`not a date: ${from} or ${to}`);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** A day as a column heading, in the reader's language (e.g. "mandag 14. desember"). */
export function formatOsloWeekday(date: string, localeTag: string): string {
  return dateTimeFormat(localeTag, { timeZone: OSLO, weekday: "long", day: "numeric", month: "long" }).format(
    new Date(`${date}T12:00:00.000Z`),
  );
}

/** A clock time in Oslo, in the reader's language (e.g. "18:00"). */
export function formatOsloClock(iso: string, localeTag: string): string {
  return dateTimeFormat(localeTag, { timeZone: OSLO, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}
