// Runs before every unit and integration test file.
import type { MockInstance } from "vitest";
import { setHashParamsForTests } from "~/platform/password.server";
import { setLogSilent, setLogSink } from "~/platform/logger.server";
import { server } from "../mocks/server";

// A test that forgets useTestDatabase() must not open (or create) the real database file: this
// gives it an empty in-memory database instead, so it fails with "no such table".
process.env.DATABASE_PATH = ":memory:";

// The production cost (Argon2id, 19 MiB, t=2) would make every sign-in test take a noticeable moment.
export const TEST_HASH_PARAMS = { memoryCost: 256, timeCost: 1, parallelism: 1 };
setHashParamsForTests(TEST_HASH_PARAMS);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const writeToStdout = (line: string) => process.stdout.write(line + "\n");

beforeEach(() => setLogSilent(true));
afterEach(() => {
  setLogSilent(true);
  setLogSink(writeToStdout);
});

/** The log lines written during this test, parsed. */
export function captureLogs(): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  setLogSink((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  setLogSilent(false);
  return lines;
}

// console.error means something went wrong that nobody handled (a React warning, an unmocked
// request, a swallowed exception). It fails the test unless the test said it expects one.
export let consoleError: MockInstance<typeof console.error>;
let consoleErrorExpected = false;

beforeEach(() => {
  const original = console.error;
  consoleErrorExpected = false;
  consoleError = vi.spyOn(console, "error").mockImplementation((...args) => {
    if (!consoleErrorExpected) original(...args);
  });
});

afterEach(() => {
  const calls = consoleError.mock.calls.length;
  consoleError.mockRestore();
  if (calls > 0 && !consoleErrorExpected) {
    throw new Error(
      `console.error was called ${calls} time(s). If the test expects it, call expectConsoleError() and assert on what was logged.`,
    );
  }
});

/** Allows console.error in the current test (silently) and returns the spy to assert on. */
export function expectConsoleError(): MockInstance<typeof console.error> {
  consoleErrorExpected = true;
  return consoleError;
}
