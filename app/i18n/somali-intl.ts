// Somali dates, lists and language names from CLDR (`so`), carried with the app. Node's ICU has
// them, but Chromium's does not (Chromium 150: `new Intl.DateTimeFormat("so")` resolves to en-US,
// "so-KE" to root data: "M12 1, Tue"), and a page must read the same on the server and in the
// browser or hydration fails. So both use these tables and patterns; tests/unit/somali-intl.test.ts
// checks them against Node's ICU, so they stay CLDR's. Only the formats the app uses are here.

/** The month names as they stand in a date (CLDR "format" context; alone, some are spelt otherwise). */
const MONTHS = [
  "Janaayo",
  "Febraayo",
  "Maarso",
  "Abriil",
  "Maayo",
  "Juun",
  "Luulyo",
  "Agosto",
  "Sebtembar",
  "Oktoobar",
  "Noofeembar",
  "Diseembar",
];
const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Abr", "May", "Jun", "Lul", "Ogs", "Seb", "Okt", "Nof", "Dis"];
/** Sunday first, as Date#getUTCDay counts. */
const WEEKDAYS = ["Axad", "Isniin", "Talaado", "Arbaco", "Khamiis", "Jimco", "Sabti"];
const WEEKDAYS_SHORT = ["Axd", "Isn", "Tldo", "Arbc", "Khms", "Jmc", "Sbti"];
/** CLDR's day periods for the 12-hour clock: "GH" before noon, "GD" after. */
const DAY_PERIODS = ["GH", "GD"];

/** The names of the languages activities can be held in (SPOKEN_LANGUAGES), in Somali. */
export const SOMALI_LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  nb: "Nawrijii Bokmål",
  en: "Ingiriisi",
  ar: "Carabi",
  so: "Soomaali",
  ti: "Tigrinya",
  ur: "Urduu",
  fa: "Faarisi",
  ps: "Bashtuu",
  ku: "Kurdishka",
  tr: "Turkish",
  pl: "Boolish",
  uk: "Yukreeniyaan",
};

interface Wall {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** What a clock in `timeZone` shows, in numbers only (data every runtime has). */
function wallClock(date: Date, timeZone: string | undefined): Wall {
  const key = timeZone ?? "";
  let format = wallFormatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    });
    wallFormatters.set(key, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  return {
    year,
    month,
    day,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

const two = (n: number) => String(n).padStart(2, "0");
const time24 = (w: Wall) => `${two(w.hour)}:${two(w.minute)}`;
const time12 = (w: Wall) => `${two(w.hour % 12 || 12)}:${two(w.minute)} ${DAY_PERIODS[w.hour < 12 ? 0 : 1]}`;

type Pattern = { format: (w: Wall) => string; sameDayRange?: (a: Wall, b: Wall) => string };

/** Keyed by the options the app formats with (time zone aside), as `signature` writes them. */
const PATTERNS: Record<string, Pattern> = {
  "day:numeric,hour:2-digit,hourCycle:h23,minute:2-digit,month:long,weekday:long": {
    format: (w) => `${WEEKDAYS[w.weekday]}, ${MONTHS[w.month - 1]} ${w.day} ee ${time24(w)}`,
    sameDayRange: (a, b) => `${WEEKDAYS[a.weekday]}, ${MONTHS[a.month - 1]} ${a.day} ${time24(a)}–${time24(b)}`,
  },
  "day:numeric,hour:2-digit,minute:2-digit,month:short,weekday:short,year:numeric": {
    format: (w) => `${WEEKDAYS_SHORT[w.weekday]}, ${MONTHS_SHORT[w.month - 1]} ${w.day}, ${w.year} ee ${time12(w)}`,
  },
  "day:numeric,month:long,year:numeric": { format: (w) => `${MONTHS[w.month - 1]} ${w.day}, ${w.year}` },
  "day:numeric,month:long": { format: (w) => `${MONTHS[w.month - 1]} ${w.day}` },
};

function signature(options: Intl.DateTimeFormatOptions): string {
  return Object.entries(options)
    .filter(([key, value]) => key !== "timeZone" && value !== undefined)
    .map(([key, value]) => `${key}:${String(value)}`)
    .sort()
    .join(",");
}

export type DateFormatter = Pick<Intl.DateTimeFormat, "format" | "formatRange">;

/** A Somali formatter for these options, or undefined when the app has no Somali pattern for them. */
export function somaliDateTimeFormat(options: Intl.DateTimeFormatOptions): DateFormatter | undefined {
  const pattern = PATTERNS[signature(options)];
  if (!pattern) return undefined;
  const format = (date?: Date | number) => pattern.format(wallClock(new Date(date ?? Date.now()), options.timeZone));
  return {
    format,
    formatRange(start: Date | number, end: Date | number) {
      const [a, b] = [wallClock(new Date(start), options.timeZone), wallClock(new Date(end), options.timeZone)];
      const [first, second] = [pattern.format(a), pattern.format(b)];
      if (first === second) return first;
      const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
      return sameDay && pattern.sameDayRange ? pattern.sameDayRange(a, b) : `${first} – ${second}`;
    },
  } as DateFormatter;
}

/** "a", "a iyo b", "a, b iyo c". */
export function somaliConjunction(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} iyo ${items[items.length - 1]}`;
}
