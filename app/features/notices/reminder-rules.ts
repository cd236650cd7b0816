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

/**
 * Quiet hours in Oslo: from `from` o'clock until `until` o'clock no reminder is sent (it waits,
 * unless the start comes first). Default 22–08; QUIET_HOURS sets others, "0-0" none at all.
 */
export interface QuietHours {
  from: number;
  until: number;
}
export const DEFAULT_QUIET_HOURS: QuietHours = { from: 22, until: 8 };

export function isQuietHour(at: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  if (quiet.from === quiet.until) return false;
  const hour = osloHourOf(at);
  return quiet.from > quiet.until ? hour >= quiet.from || hour < quiet.until : hour >= quiet.from && hour < quiet.until;
}

/** Is a reminder of an activity starting at `startsAt` due now for this choice? */
export function reminderDue(
  choice: ReminderChoice,
  startsAt: string,
  now: Date,
  quiet: QuietHours = DEFAULT_QUIET_HOURS,
): boolean {
  if (choice === "none") return false;
  const start = Date.parse(startsAt);
  const at = now.getTime();
  if (at >= start || at < start - LEAD_MS[choice]) return false;
  return !isQuietHour(now, quiet);
}

/**
 * When a reminder's push may go: at once, or (in quiet hours) at 08:00 Oslo time. Reminders are
 * made outside quiet hours, so this holds back only one made at the edge of them.
 */
export function reminderPushAt(now: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (!isQuietHour(now, quiet)) return now;
  const today = formatOsloDateInput(now.toISOString());
  const day = quiet.from > quiet.until && osloHourOf(now) >= quiet.from ? addDaysToDateInput(today, 1) : today;
  const morning = osloLocalToUtc(day, `${String(quiet.until).padStart(2, "0")}:00`);
  return morning.ok ? new Date(morning.utc) : now;
}
