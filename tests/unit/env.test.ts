import { EnvError, parseEnv } from "~/platform/env.server";

function parseError(source: Record<string, string>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("parseEnv accepted an environment it should have refused");
}

describe("parseEnv", () => {
  test("gives safe defaults for an empty environment", () => {
    expect(parseEnv({})).toMatchObject({
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: 3000,
      DATABASE_PATH: "data/moteplass.sqlite",
      QUICK_EXIT_URL: "https://www.yr.no",
      TRUST_PROXY: 0,
      LOG_FORMAT: "json",
      SECURE_COOKIES: false,
    });
  });

  test("suppresses report figures below 5 unless told another threshold from 3 to 20", () => {
    expect(parseEnv({}).SUPPRESSION_THRESHOLD).toBe(5);
    expect(parseEnv({ SUPPRESSION_THRESHOLD: "10" }).SUPPRESSION_THRESHOLD).toBe(10);
    expect(parseError({ SUPPRESSION_THRESHOLD: "1" }).message).toContain("SUPPRESSION_THRESHOLD");
  });

  test("holds reminders back from 22 to 08 Oslo time unless told other hours", () => {
    expect(parseEnv({}).QUIET_HOURS).toEqual({ from: 22, until: 8 });
    expect(parseEnv({ QUIET_HOURS: "0-0" }).QUIET_HOURS).toEqual({ from: 0, until: 0 });
    expect(parseError({ QUIET_HOURS: "22" }).message).toContain("QUIET_HOURS");
    expect(parseError({ QUIET_HOURS: "25-08" }).message).toContain("QUIET_HOURS");
  });

  test("turns secure cookies on in production unless told otherwise", () => {
    expect(parseEnv({ NODE_ENV: "production" }).SECURE_COOKIES).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", SECURE_COOKIES: "false" }).SECURE_COOKIES).toBe(false);
  });

  test("reads a port given as text", () => {
    expect(parseEnv({ PORT: "8080" }).PORT).toBe(8080);
  });

  test.each(["abc", "0", "65536", "80.5"])("refuses PORT=%s and names the variable", (port) => {
    expect(parseError({ PORT: port }).message).toMatch(/^\s*PORT: /m);
  });

  test.each(["http://www.yr.no", "not a url", "javascript:alert(1)"])(
    "refuses QUICK_EXIT_URL=%s and names the variable",
    (url) => {
      expect(parseError({ QUICK_EXIT_URL: url }).message).toMatch(/^\s*QUICK_EXIT_URL: /m);
    },
  );

  test("names every bad variable, not only the first", () => {
    const message = parseError({ PORT: "-1", LOG_FORMAT: "xml" }).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LOG_FORMAT/);
  });
});

describe("DATABASE_URL", () => {
  test("selects PostgreSQL with a pool of the given size", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://app:secret@db.internal:5432/moteplass",
      DATABASE_POOL_SIZE: "20",
    });
    expect(env.DATABASE_URL).toBe("postgres://app:secret@db.internal:5432/moteplass");
    expect(env.DATABASE_POOL_SIZE).toBe(20);
  });

  test("is optional: unset or empty means the SQLite file", () => {
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(10);
  });

  test.each(["mysql://db/moteplass", "postgres://", "data/moteplass.sqlite", "not a url"])(
    "refuses DATABASE_URL=%s and names the variable",
    (url) => {
      expect(parseError({ DATABASE_URL: url }).message).toMatch(/^\s*DATABASE_URL: /m);
    },
  );

  test.each(["0", "abc", "1000"])("refuses DATABASE_POOL_SIZE=%s and names the variable", (size) => {
    expect(parseError({ DATABASE_POOL_SIZE: size }).message).toMatch(/^\s*DATABASE_POOL_SIZE: /m);
  });
});
