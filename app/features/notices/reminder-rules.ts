// When a reminder is due, and the quiet hours that hold it back. Plain functions, no I/O.
import type { ReminderChoice } from "../../../db/schema";
import { addDaysToDateInput, formatOsloDateInput, osloHourOf, osloLocalToUtc } from "~/platform/oslo-time";

const HOUR_MS = 60 * 60 * 1000;

export const REMINDER_CHOICES = ["none", "day_before", "two_hours"] as const satisfies readonly ReminderChoice[];

/** How long before the start each choice reminds. */
const LEAD_MS: Record<Exclude<ReminderChoice, "none">, number> = {
  day_before: 24 * HOUR_MS,
  two_hours: 2 * HOUR_MS,
};

/** The longest lead: nothing starting later than this from now can be due. */
export const LONGEST_REMINDER_LEAD_MS = LEAD_MS.day_before;

/** Quiet hours in Oslo: from 22:00 until 08:00 no reminder is sent (it waits, unless the start comes first). */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;

export function isQuietHour(at: Date): boolean {
  const hour = osloHourOf(at);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** Is a reminder of an activity starting at `startsAt` due now for this choice? */
export function reminderDue(choice: ReminderChoice, startsAt: string, now: Date): boolean {
  if (choice === "none") return false;
  const start = Date.parse(startsAt);
  const at = now.getTime();
  if (at >= start || at < start - LEAD_MS[choice]) return false;
  return !isQuietHour(now);
}

/**
 * When a reminder's push may go: at once, or (in quiet hours) at 08:00 Oslo time. Reminders are
 * made outside quiet hours, so this holds back only one made at the edge of them.
 */
export function reminderPushAt(now: Date): Date {
  if (!isQuietHour(now)) return now;
  const today = formatOsloDateInput(now.toISOString());
  const day = osloHourOf(now) >= QUIET_FROM_HOUR ? addDaysToDateInput(today, 1) : today;
  const morning = osloLocalToUtc(day, `${String(QUIET_UNTIL_HOUR).padStart(2, "0")}:00`);
  return morning.ok ? new Date(morning.utc) : now;
}
