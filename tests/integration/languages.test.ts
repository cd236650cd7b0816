// Choosing a language: the first visit follows Accept-Language, ?lang= works on any page and is
// remembered, and dates read right in every language.
import { formatActivityTime } from "~/components/ActivityTime";
import { direction, FORMAT_TAGS, LOCALE_TAGS, LOCALES } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { loader as rootLoader } from "~/root";
import { useTestDatabase } from "../setup/db";

useTestDatabase();

async function rootResponse(url: string, headers: Record<string, string> = {}) {
  const result = (await rootLoader({
    request: new Request(url, { headers }),
    params: {},
    context: {},
  } as never)) as unknown as {
    data: { locale: string };
    init?: { headers?: Record<string, string> };
  };
  return { locale: result.data.locale, setCookie: result.init?.headers?.["Set-Cookie"] };
}

describe("which language a page is shown in", () => {
  test.each([
    ["ar-EG,ar;q=0.9,en;q=0.5", "ar"],
    ["ur-PK", "ur"],
    ["so-SO,so;q=0.9", "so"],
    ["nn-NO", "nb"],
    ["de-DE,en;q=0.3", "en"],
    ["fr", "nb"],
  ])("a first visit with Accept-Language %s reads %s", (header, expected) => {
    expect(localeFromRequest(new Request("http://localhost/", { headers: { "Accept-Language": header } }))).toBe(
      expected,
    );
  });

  test("?lang= wins over the cookie and Accept-Language", () => {
    const request = new Request("http://localhost/join?lang=so", {
      headers: { Cookie: "lang=ar", "Accept-Language": "en" },
    });
    expect(localeFromRequest(request)).toBe("so");
  });

  test("Arabic and Urdu read right to left, the others left to right", () => {
    expect(LOCALES.map((l) => [l, direction(l)])).toEqual([
      ["nb", "ltr"],
      ["en", "ltr"],
      ["ar", "rtl"],
      ["ur", "rtl"],
      ["so", "ltr"],
    ]);
  });
});

describe("remembering ?lang=", () => {
  test("the root sets the language cookie when ?lang= names a language the cookie does not hold", async () => {
    const { locale, setCookie } = await rootResponse("http://localhost/login?lang=ar", { Cookie: "lang=nb" });
    expect(locale).toBe("ar");
    expect(setCookie).toMatch(/^lang=ar; Path=\/; Max-Age=31536000; SameSite=Lax; HttpOnly/);
  });

  test("no cookie is set when it already holds that language, or when ?lang= is not one we have", async () => {
    expect((await rootResponse("http://localhost/?lang=ar", { Cookie: "lang=ar" })).setCookie).toBeUndefined();
    const unknown = await rootResponse("http://localhost/?lang=xx", { Cookie: "lang=ur" });
    expect(unknown).toEqual({ locale: "ur", setCookie: undefined });
  });
});

describe("dates and times in each language", () => {
  // 18:00–20:00 on Tuesday 1 December 2026, Oslo time (UTC+1), whatever the server's zone is.
  const start = "2026-12-01T17:00:00.000Z";
  const end = "2026-12-01T19:00:00.000Z";

  test.each([
    ["nb", "tirsdag 1. desember, 18:00–20:00"],
    ["en", "Tuesday 1 December, 18:00–20:00"],
    ["ar", "الثلاثاء، 1 ديسمبر، 18:00–20:00"],
    ["ur", "منگل، 1 دسمبر 18:00–20:00"],
    // Chromium has no Somali data: Somali comes from the app's CLDR tables (app/i18n/somali-intl.ts).
    ["so", "Talaado, Diseembar 1 18:00–20:00"],
  ] as const)("%s shows the Oslo clock in its own words, 24-hour and in Western digits", (locale, expected) => {
    expect(formatActivityTime(FORMAT_TAGS[locale], start, end)).toBe(expected);
  });

  test("a range over two days uses plain spaces, as Chromium does, so hydration finds the same text", () => {
    const text = formatActivityTime(FORMAT_TAGS.en, "2026-12-01T21:00:00.000Z", "2026-12-02T01:00:00.000Z");
    expect(text).toBe("Tuesday 1 December at 22:00 – Wednesday 2 December at 02:00");
  });

  test("the page names the language itself", () => {
    expect(LOCALE_TAGS).toEqual({ nb: "nb-NO", en: "en-GB", ar: "ar", ur: "ur-PK", so: "so" });
  });
});
