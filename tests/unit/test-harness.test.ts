// The safety nets in tests/setup: if these stop working, other tests stop meaning anything.
import { http, HttpResponse } from "msw";
import { server } from "../mocks/server";
import { expectConsoleError } from "../setup/unit";
import { hashPassword } from "~/platform/password.server";

describe("the test harness", () => {
  test("refuses an outgoing request that no handler mocks", async () => {
    const consoleError = expectConsoleError();
    await expect(fetch("https://example.org/anything")).rejects.toThrow();
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining("https://example.org/anything"));
  });

  test("answers an outgoing request from a handler the test adds", async () => {
    server.use(http.get("https://example.org/status", () => HttpResponse.json({ ok: true })));
    const response = await fetch("https://example.org/status");
    expect(await response.json()).toEqual({ ok: true });
  });

  test("forgets a test's handlers when the test ends", async () => {
    const consoleError = expectConsoleError();
    await expect(fetch("https://example.org/status")).rejects.toThrow();
    expect(consoleError).toHaveBeenCalled();
  });

  test("hashes with cheap Argon2id parameters", async () => {
    expect(await hashPassword("et passord")).toMatch(/^\$argon2id\$v=19\$m=256,t=1,p=1\$/);
  });
});
