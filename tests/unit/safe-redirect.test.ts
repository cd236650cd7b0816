import { safeRedirectPath } from "~/utils/redirect";

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
  ])("refuses %s (%s)", (target) => {
    expect(safeRedirectPath(target, "/fallback")).toBe("/fallback");
  });

  test("refuses what is not text, and very long targets", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(["/me"])).toBe("/");
    expect(safeRedirectPath("/" + "a".repeat(600))).toBe("/");
  });
});
