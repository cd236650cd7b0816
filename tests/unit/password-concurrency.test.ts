import type * as Argon2 from "@node-rs/argon2";
import { TEST_HASH_PARAMS } from "../setup/unit";

// Watches @node-rs/argon2 and node:crypto's scrypt from the outside: how many calls, and how many
// ran at once. On globalThis: the mocks below and this file share it.
const watch = ((globalThis as { hashWatch?: { calls: number; running: number; mostAtOnce: number } }).hashWatch ??= {
  calls: 0,
  running: 0,
  mostAtOnce: 0,
});
const scryptWatch = watch;
function resetScryptWatch() {
  Object.assign(watch, { calls: 0, running: 0, mostAtOnce: 0 });
}

vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof Argon2>();
  const shared = (globalThis as { hashWatch?: { calls: number; running: number; mostAtOnce: number } }).hashWatch!;
  const watched =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      shared.calls++;
      shared.running++;
      shared.mostAtOnce = Math.max(shared.mostAtOnce, shared.running);
      try {
        return await fn(...args);
      } finally {
        shared.running--;
      }
    };
  return { ...actual, hash: watched(actual.hash), verify: watched(actual.verify) };
});

// The setup file loaded password.server before the mock existed: load a fresh copy that uses it.
vi.resetModules();
const { HASH_CONCURRENCY, hashPassword, setHashParamsForTests, verifyPassword } =
  await import("~/platform/password.server");

describe("password hashing under load", () => {
  beforeEach(() => {
    resetScryptWatch();
    // Big enough that parallel calls would overlap if nothing held them back.
    setHashParamsForTests({ memoryCost: 8 * 1024, timeCost: 2, parallelism: 1 });
  });
  afterEach(() => setHashParamsForTests(TEST_HASH_PARAMS));

  it("runs at most a few hashes at once, so memory is bounded, and finishes every request", async () => {
    const stored = await hashPassword("en lang og god frase");
    resetScryptWatch();
    const results = await Promise.all([
      ...Array.from({ length: 12 }, () => verifyPassword("en lang og god frase", stored)),
      ...Array.from({ length: 8 }, () => hashPassword("en annen lang frase")),
    ]);
    expect(results).toHaveLength(20);
    expect(results.slice(0, 12).every((r) => typeof r === "object" && r.ok)).toBe(true);
    expect(scryptWatch.calls).toBe(20);
    expect(scryptWatch.mostAtOnce).toBeLessThanOrEqual(HASH_CONCURRENCY);
    expect(scryptWatch.mostAtOnce).toBeGreaterThan(0);
  });

  it("keeps going after a failed hash", async () => {
    const bad = "scrypt$3$8$1$AAAA$AAAA"; // N=3 is not a power of two: scrypt refuses it
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 4 }, () => verifyPassword("x", bad)),
      ...Array.from({ length: 4 }, () => hashPassword("en annen lang frase")),
    ]);
    expect(outcomes.slice(0, 4).every((o) => o.status === "rejected")).toBe(true);
    expect(outcomes.slice(4).every((o) => o.status === "fulfilled")).toBe(true);
    expect(scryptWatch.mostAtOnce).toBeLessThanOrEqual(HASH_CONCURRENCY);
  });
});
