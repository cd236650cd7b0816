// Months as the demand counts keep them ("2026-12"), and their names in the reader's language.
import { dateTimeFormat } from "~/i18n/intl";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** "desember 2026" / "December 2026": a month has no time of day, so it is formatted in UTC. */
export function formatMonth(month: string, localeTag: string): string {
  const match = MONTH.exec(month);
  if (!match) return month;
  return dateTimeFormat(localeTag, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)),
  );
}

/** The months from `from` to `to`, both included ("2026-01" … "2026-12"). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  for (let i = 0; i < 240; i++) {
    const m = `${year}-${String(month).padStart(2, "0")}`;
    if (m > to) break;
    months.push(m);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** The month `delta` months after `month`. */
export function addMonths(month: string, delta: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
