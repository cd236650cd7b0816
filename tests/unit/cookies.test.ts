// What a request's Cookie header can carry, and what the app reads from it.
import { sessionTokenFrom } from "~/features/sessions/sessions.server";
import { localeFromRequest } from "~/platform/locale.server";
import { readCookie } from "~/platform/cookies.server";

const TOKEN = "A".repeat(43);

function request(cookie: string, extra: Record<string, string> = {}) {
  return new Request("http://localhost/", { headers: { Cookie: cookie, ...extra } });
}

describe("readCookie", () => {
  test("reads a plain and a percent-encoded value", () => {
    expect(readCookie("a=1; lang=en", "lang")).toBe("en");
    expect(readCookie("note=hei%20du", "note")).toBe("hei du");
  });

  test.each([
    ["lang=%", "a lone percent sign"],
    ["lang=%E0%A4%A", "a cut-off UTF-8 sequence"],
    ["lang=%ZZ", "a percent sign without hex digits"],
    ["lang=%C0%AF", "an overlong UTF-8 encoding"],
  ])("treats an unreadable value (%s: %s) as absent", (header) => {
    expect(readCookie(header, "lang")).toBeUndefined();
  });

  test("keeps the first of two cookies with the same name", () => {
    expect(readCookie("lang=en; lang=ar", "lang")).toBe("en");
  });

  test("finds nothing in headers without pairs, with empty names or with only separators", () => {
    for (const header of ["", ";", ";;;", "=", "lang", "=en", " ; = ; "])
      expect(readCookie(header, "lang")).toBeUndefined();
    expect(readCookie(null, "lang")).toBeUndefined();
  });

  test("does not read names that only exist on Object.prototype", () => {
    expect(readCookie("a=1", "__proto__")).toBeUndefined();
    expect(readCookie("a=1", "constructor")).toBeUndefined();
    expect(readCookie("a=1", "toString")).toBeUndefined();
  });
});

describe("a request carrying a malformed cookie", () => {
  test("gets the language from Accept-Language as if the cookie were not there", () => {
    expect(localeFromRequest(request("lang=%", { "Accept-Language": "en" }))).toBe("en");
    expect(localeFromRequest(request("lang=%E0%A4%A"))).toBe("nb");
  });

  test("has no session token, and a good token beside broken cookies is still read", () => {
    expect(sessionTokenFrom(request("session=%"))).toBeUndefined();
    expect(sessionTokenFrom(request(`lang=%; session=${TOKEN}; x=%E0%A4%A`))).toBe(TOKEN);
  });
});
