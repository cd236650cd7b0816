import { safeRedirectPath } from "~/platform/redirect";

describe("safeRedirectPath", () => {
  test.each(["/me", "/activities/123?tab=x", "/"])("keeps the same-site path %s", (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  test.each([
    ["//evil.example", "protocol-relative"],
    ["/\\evil.example", "backslash, which browsers read as a slash"],
    ["https://evil.example", "absolute"],
    ["http:evil.example", "scheme without slashes"],
    ["javascript:alert(1)", "script"],
    ["/\tevil", "control character"],
    ["evil.example", "relative"],
    ["", "empty"],
    ["/..//evil.example", "a path the URL parser turns into a protocol-relative one"],
    ["/./\\evil.example", "a backslash after a dot segment"],
    ["/\u0085evil", "a C1 control character"],
  ])("refuses %s (%s)", (target) => {
    expect(safeRedirectPath(target, "/fallback")).toBe("/fallback");
  });

  test("refuses what is not text, and very long targets", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(["/me"])).toBe("/");
    expect(safeRedirectPath("/" + "a".repeat(600))).toBe("/");
  });

  test.each([
    ["/\u3000/evil.example", "/%E3%80%80/evil.example"],
    ["/aktiviteter/blåbær", "/aktiviteter/bl%C3%A5b%C3%A6r"],
    ["/me?q=ø#del", "/me?q=%C3%B8#del"],
  ])("percent-encodes what a Location header cannot carry: %s", (target, expected) => {
    const path = safeRedirectPath(target);
    expect(path).toBe(expected);
    expect(() => new Headers({ Location: path })).not.toThrow();
  });

  test("gives a target that any Headers object accepts, for every character the address bar can send", () => {
    for (let cp = 0x20; cp < 0x3000; cp += 7) {
      const path = safeRedirectPath(`/a${String.fromCodePoint(cp)}b`, "/fallback");
      expect(() => new Headers({ Location: path })).not.toThrow();
      expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
    }
  });
});
