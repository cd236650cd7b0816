import { resetScryptWatch, scryptWatch } from "../setup/scrypt-watch";

// The setup file loaded password.server before the mock existed: load a fresh copy that uses it.
vi.resetModules();
const { hashPassword, SCRYPT_CONCURRENCY, setHashParamsForTests, verifyPassword } =
  await import("~/platform/password.server");

vi.mock("node:crypto", async (original) => (await import("../setup/scrypt-watch")).watchScrypt(original as never));

describe("scrypt under load", () => {
  beforeEach(() => {
    resetScryptWatch();
    // Big enough that parallel calls would overlap if nothing held them back.
    setHashParamsForTests({ N: 2 ** 14, r: 8, p: 1 });
  });
  afterEach(() => setHashParamsForTests({ N: 2 ** 10, r: 8, p: 1 }));

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
    expect(scryptWatch.mostAtOnce).toBeLessThanOrEqual(SCRYPT_CONCURRENCY);
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
    expect(scryptWatch.mostAtOnce).toBeLessThanOrEqual(SCRYPT_CONCURRENCY);
  });
});
