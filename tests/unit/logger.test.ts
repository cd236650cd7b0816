import { log, redactPath, setLogSilent, setLogSink } from "~/platform/logger.server";
import { captureLogs } from "../setup/unit";

describe("redactPath", () => {
  test("drops the query string and the fragment", () => {
    expect(redactPath("/activities?ref=abc&code=secret")).toBe("/activities");
    expect(redactPath("/activities#top")).toBe("/activities");
  });

  test("replaces a calendar feed token", () => {
    expect(redactPath("/calendar/3q2-7Ny0bG8VYt1yQk2fWm")).toBe("/calendar/[token]");
    expect(redactPath("/calendar/3q2-7Ny0bG8VYt1yQk2fWm.ics?x=1")).toBe("/calendar/[token]");
  });

  test("replaces a feed token however the path is spelled", () => {
    for (const path of [
      "/calendar/TOKEN.ics/",
      "/calendar/TOKEN/x",
      "/CALENDAR/TOKEN.ics",
      "//calendar/TOKEN",
      "/calendar%2FTOKEN",
    ]) {
      expect(redactPath(path)).toBe("/calendar/[token]");
    }
  });

  test("keeps ordinary paths as they are", () => {
    expect(redactPath("/")).toBe("/");
    expect(redactPath("/staff/activities/new")).toBe("/staff/activities/new");
  });

  test("replaces a feed token in an absolute-form request target (GET http://host/calendar/…)", () => {
    for (const target of [
      "http://evil.example/calendar/3q2-7Ny0bG8VYt1yQk2fWm.ics",
      "HTTPS://x//calendar/3q2-7Ny0bG8VYt1yQk2fWm",
      "http://a@b:1/calendar%2f3q2-7Ny0bG8VYt1yQk2fWm",
    ]) {
      expect(redactPath(target)).toBe("/calendar/[token]");
    }
  });

  test("shortens very long paths", () => {
    const redacted = redactPath("/" + "a".repeat(500));
    expect(redacted.length).toBeLessThanOrEqual(201);
    expect(redacted.endsWith("…")).toBe(true);
  });
});

describe("log", () => {
  test("writes one JSON line per event, with the time and the fields", () => {
    const lines = captureLogs();
    log("request", { method: "GET", path: "/", status: 200 });
    expect(lines).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        event: "request",
        method: "GET",
        path: "/",
        status: 200,
      },
    ]);
  });

  test("cannot be made to write a second line by what someone typed", () => {
    const raw: string[] = [];
    setLogSink((line) => raw.push(line));
    setLogSilent(false);
    log("error", { message: 'boom\n{"event":"forged"}' });
    expect(raw).toHaveLength(1);
    expect(raw[0]).not.toMatch(/[\r\n]/);
    expect(JSON.parse(raw[0] ?? "")).toMatchObject({ event: "error", message: 'boom\n{"event":"forged"}' });
  });
});
