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
