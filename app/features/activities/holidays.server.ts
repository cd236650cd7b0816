// Which days of a repeating activity fall on a Norwegian public holiday or in the Christmas/New
// Year week (24 December – 1 January) or Easter week (Palm Sunday – Easter Monday). The holidays
// come from the maintained `date-holidays` package (rules, not a typed list), so Easter and
// Ascension move by themselves every year.
import { createRequire } from "node:module";
import type HolidaysClass from "date-holidays";
import { addDaysToDateInput } from "~/platform/oslo-time";
import type { HolidayDay } from "./activity-form";

// Loaded on the first series that needs it, not at start-up: its rules for every country take
// about 0.1 s to load, an eighth of the server's start.
const require = createRequire(import.meta.url);
let norwayCalendar: HolidaysClass | undefined;
function norway(): HolidaysClass {
  if (!norwayCalendar) {
    const Holidays = require("date-holidays") as typeof HolidaysClass;
    norwayCalendar = new Holidays("NO");
  }
  return norwayCalendar;
}
const byYear = new Map<string, { publicNames: Map<string, string>; easter: string }>();

function yearFacts(year: number, language: string) {
  const key = `${year}:${language}`;
  let facts = byYear.get(key);
  if (!facts) {
    const publicNames = new Map<string, string>();
    let easter = "";
    for (const h of norway().getHolidays(year, language)) {
      const date = h.date.slice(0, 10);
      if (h.type === "public") publicNames.set(date, h.name);
      if (h.rule === "easter") easter = date;
    }
    facts = { publicNames, easter };
    byYear.set(key, facts);
  }
  return facts;
}

/** The holiday facts of one Oslo calendar day, or undefined on an ordinary day. */
export function holidayOf(date: string, language = "no"): HolidayDay | undefined {
  const year = Number(date.slice(0, 4));
  const { publicNames, easter } = yearFacts(year, language);
  const name = publicNames.get(date) ?? null;
  const monthDay = date.slice(5);
  if (monthDay >= "12-24" || monthDay === "01-01") return { date, period: "christmas", name };
  if (easter && date >= addDaysToDateInput(easter, -7) && date <= addDaysToDateInput(easter, 1))
    return { date, period: "easter", name };
  return name ? { date, period: "publicHoliday", name } : undefined;
}

/** The days among `dates` (YYYY-MM-DD) that fall on a holiday, in the given order. */
export function holidayConflicts(dates: readonly string[], language = "no"): HolidayDay[] {
  return dates.map((d) => holidayOf(d, language)).filter((h): h is HolidayDay => h !== undefined);
}
