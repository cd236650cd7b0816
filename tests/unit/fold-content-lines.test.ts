import { foldContentLines } from "~/features/calendar/build-feed.server";

const unfold = (text: string) => text.replace(/\r\n /g, "");

describe("folding iCalendar content lines", () => {
  test("keeps every line within 75 octets, never splits a character, and unfolds to the original", () => {
    const lines = [
      "SUMMARY:" + "ø".repeat(100),
      "DESCRIPTION:" + "😀".repeat(60) + "漢字".repeat(40) + "a".repeat(3),
      "LOCATION:" + "x".repeat(200),
      "UID:short@kalender.invalid",
      "SUMMARY:" + "👩‍👩‍👧".repeat(20),
    ];
    const text = lines.join("\r\n");
    const folded = foldContentLines(text);
    for (const line of folded.split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
    expect(unfold(folded)).toBe(text);
  });

  test("leaves lines of 75 octets or fewer alone", () => {
    const line = "SUMMARY:" + "a".repeat(67);
    expect(Buffer.byteLength(line)).toBe(75);
    expect(foldContentLines(line)).toBe(line);
    expect(foldContentLines(line + "b")).toBe(line + "\r\n b");
  });
});
