// Weeks as people in Norway count them: Monday to Sunday, in Europe/Oslo, whatever the server's
// own time zone. Used by the "which week" filter on the activity list.
import { addDaysToDateInput, daysSinceMonday, formatOsloDateInput, osloLocalToUtc } from "./oslo-time";

/** The week filter offers this week and the weeks after it, this many in all. */
export const WEEKS_OFFERED = 8;

/** Midnight in Oslo always exists (clocks change at 02:00/03:00), so this never fails. */
function osloMidnight(date: string): Date {
  const result = osloLocalToUtc(date, "00:00");
  if (!result.ok) throw new Error(`no midnight on ${date}`);
  return new Date(result.utc);
}

/** [start, end) of the Oslo week `offset` weeks after the one `now` falls in (0 = this week). */
export function osloWeekRange(now: Date, offset: number): { start: Date; end: Date } {
  const today = formatOsloDateInput(now.toISOString());
  const monday = addDaysToDateInput(today, offset * 7 - daysSinceMonday(today));
  return { start: osloMidnight(monday), end: osloMidnight(addDaysToDateInput(monday, 7)) };
}

/** Reads the `week` search parameter: a whole number from 0 to WEEKS_OFFERED - 1, else none. */
export function parseWeekOffset(value: string | null): number | undefined {
  if (value === null || !/^\d{1,2}$/.test(value)) return undefined;
  const offset = Number(value);
  return offset < WEEKS_OFFERED ? offset : undefined;
}

/** An ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday), as Norway counts weeks. */
export interface IsoWeek {
  year: number;
  week: number;
}

/** The ISO week a calendar day (YYYY-MM-DD) falls in: 2027-01-01 (a Friday) is in week 53 of 2026. */
export function isoWeekOfDate(date: string): IsoWeek {
  const thursday = addDaysToDateInput(date, 3 - daysSinceMonday(date));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** The Monday (YYYY-MM-DD) of an ISO week. */
export function mondayOfIsoWeek({ year, week }: IsoWeek): string {
  const jan4 = `${year}-01-04`;
  return addDaysToDateInput(jan4, (week - 1) * 7 - daysSinceMonday(jan4));
}

/** 52 or 53: a year has 53 ISO weeks when 28 December is in week 53. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOfDate(`${year}-12-28`).week;
}

/** "2026-W53", the key in links such as /staff/week?week=2026-W53. */
export function isoWeekKey({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Reads a week key; anything that is not a real ISO week (2027-W53, 2026-W00, junk) is none. */
export function parseIsoWeekKey(value: string | null): IsoWeek | undefined {
  const match = value === null ? null : /^(\d{4})-W(\d{2})$/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1971 || year > 2999 || week < 1 || week > isoWeeksInYear(year)) return undefined;
  return { year, week };
}

/** The ISO week an instant falls in, in Oslo. */
export function osloIsoWeekAt(now: Date): IsoWeek {
  return isoWeekOfDate(formatOsloDateInput(now.toISOString()));
}

/** A week `weeks` after (or before, when negative) another. */
export function shiftIsoWeek(week: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOfDate(addDaysToDateInput(mondayOfIsoWeek(week), weeks * 7));
}

/** An ISO week in Oslo: its seven days (YYYY-MM-DD, Monday first) and [start, end) as UTC instants. */
export function osloIsoWeekRange(week: IsoWeek): { days: string[]; start: Date; end: Date } {
  const monday = mondayOfIsoWeek(week);
  const days = Array.from({ length: 7 }, (_, i) => addDaysToDateInput(monday, i));
  return { days, start: osloMidnight(monday), end: osloMidnight(addDaysToDateInput(monday, 7)) };
}
