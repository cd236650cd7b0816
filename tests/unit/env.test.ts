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
