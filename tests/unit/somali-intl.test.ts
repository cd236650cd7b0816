// Somali dates, lists and language names: CLDR's (as Node's ICU has them), and the same where the
// runtime has no Somali data at all, as in Chromium.
import { formatActivityTime } from "~/components/ActivityTime";
import { languageNames } from "~/components/ActivityFacts";
import { SPOKEN_LANGUAGES } from "~/features/activities/activity-form";
import { formatOsloDateTime, formatOsloDay } from "~/platform/oslo-time";
import { FORMAT_TAGS } from "~/i18n/config";
import { conjunction, dateTimeFormat, languageName } from "~/i18n/intl";

const OSLO = "Europe/Oslo";
const OPTION_SETS: Intl.DateTimeFormatOptions[] = [
  {
    timeZone: OSLO,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  },
  {
    timeZone: OSLO,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  },
  { timeZone: OSLO, day: "numeric", month: "long", year: "numeric" },
  { timeZone: OSLO, day: "numeric", month: "long" },
];
const HOUR = 60 * 60 * 1000;
/** Every 7 h 13 min over two years: every month, weekday, hour of the day and both DST changes. */
const INSTANTS = Array.from({ length: 2_430 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * (7 * HOUR + 13 * 60_000)));
const plainSpaces = (text: string) => text.replace(/[\u2009\u202f]/g, " ");

/** What Chromium 150 does with Somali: `so` resolves to en-US, so every name comes out in English. */
function withoutSomaliData<T>(run: () => T): T {
  const real = { DateTimeFormat: Intl.DateTimeFormat, DisplayNames: Intl.DisplayNames, ListFormat: Intl.ListFormat };
  const english = (locales: unknown) => {
    const list = ([] as unknown[]).concat(locales ?? []);
    return list.some((l) => typeof l === "string" && /^so(-|$)/i.test(l)) ? "en-US" : (locales as string);
  };
  Object.assign(Intl, {
    DateTimeFormat: function (locales?: unknown, options?: Intl.DateTimeFormatOptions) {
      return new real.DateTimeFormat(english(locales), options);
    },
    DisplayNames: function (locales: unknown, options: Intl.DisplayNamesOptions) {
      return new real.DisplayNames(english(locales), options);
    },
    ListFormat: function (locales?: unknown, options?: Intl.ListFormatOptions) {
      return new real.ListFormat(english(locales), options);
    },
  });
  try {
    return run();
  } finally {
    Object.assign(Intl, real);
  }
}

describe("Somali dates", () => {
  test("read exactly as CLDR's Somali in Node's ICU, for every format the app uses", () => {
    for (const options of OPTION_SETS) {
      const ours = dateTimeFormat("so", options);
      const icu = new Intl.DateTimeFormat("so", options);
      for (const instant of INSTANTS) expect(ours.format(instant)).toBe(plainSpaces(icu.format(instant)));
    }
  });

  test("ranges read as CLDR's too: within a day, over midnight, over days and the same instant", () => {
    const options = OPTION_SETS[0]!;
    const ours = dateTimeFormat("so", options);
    const icu = new Intl.DateTimeFormat("so", options);
    for (const start of INSTANTS.slice(0, 400)) {
      for (const hours of [0, 0.5, 2, 5, 26, 24 * 40]) {
        const end = new Date(start.getTime() + hours * HOUR);
        expect(ours.formatRange(start, end)).toBe(plainSpaces(icu.formatRange(start, end)));
      }
    }
  });

  test("are what activity pages, session lists and calendar links show in Somali", () => {
    const start = "2026-12-01T17:00:00.000Z";
    expect(formatActivityTime(FORMAT_TAGS.so, start, "2026-12-01T19:30:00.000Z")).toBe(
      "Talaado, Diseembar 1 18:00–20:30",
    );
    expect(formatActivityTime(FORMAT_TAGS.so, start)).toBe("Talaado, Diseembar 1 ee 18:00");
    expect(formatOsloDay("2027-03-03", FORMAT_TAGS.so)).toBe("Maarso 3, 2027");
    expect(formatOsloDateTime(start, FORMAT_TAGS.so)).toBe("Tldo, Dis 1, 2026 ee 06:00 GD");
  });

  test("read the same where the runtime has no Somali data, as in Chromium", () => {
    const start = "2026-06-14T08:15:00.000Z";
    const end = "2026-06-15T21:00:00.000Z";
    const withData = [
      formatActivityTime(FORMAT_TAGS.so, start, end),
      formatOsloDay(start, FORMAT_TAGS.so),
      formatOsloDateTime(start, FORMAT_TAGS.so),
    ];
    const withoutData = withoutSomaliData(() => [
      formatActivityTime(FORMAT_TAGS.so, start, end),
      formatOsloDay(start, FORMAT_TAGS.so),
      formatOsloDateTime(start, FORMAT_TAGS.so),
    ]);
    expect(withoutData).toEqual(withData);
    expect(withData[0]).toBe("Axad, Juun 14 ee 10:15 – Isniin, Juun 15 ee 23:00");
  });
});

describe("Somali language names and lists", () => {
  test("name every language an activity can be held in as CLDR's Somali does", () => {
    const icu = new Intl.DisplayNames("so", { type: "language" });
    for (const code of Object.keys(SPOKEN_LANGUAGES)) expect(languageName(code, "so")).toBe(icu.of(code));
  });

  test("join lists as CLDR's Somali does", () => {
    const icu = new Intl.ListFormat("so", { type: "conjunction" });
    for (const items of [[], ["a"], ["a", "b"], ["a", "b", "c"], ["a", "b", "c", "d"]])
      expect(conjunction(items, "so")).toBe(icu.format(items));
  });

  test("are what an activity shows in Somali, with or without the runtime's Somali data", () => {
    expect(languageNames(["nb", "ar", "so"], FORMAT_TAGS.so)).toBe("Nawrijii Bokmål, Carabi iyo Soomaali");
    expect(withoutSomaliData(() => languageNames(["nb", "ar", "so"], FORMAT_TAGS.so))).toBe(
      "Nawrijii Bokmål, Carabi iyo Soomaali",
    );
  });

  test("other languages still come from the runtime's Intl", () => {
    expect(languageNames(["nb", "ar"], FORMAT_TAGS.nb)).toBe("norsk bokmål og arabisk");
    expect(formatActivityTime(FORMAT_TAGS.en, "2026-12-01T17:00:00.000Z")).toBe("Tuesday 1 December at 18:00");
  });
});
