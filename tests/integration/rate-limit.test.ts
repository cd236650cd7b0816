import { clientAddress, hitRateLimit, keepRetryAfter, tooManyRequests } from "~/platform/rate-limit.server";
import { useTestDatabase } from "../setup/db";

const database = useTestDatabase();
const at = (iso: string) => new Date(iso);

describe("hitRateLimit", () => {
  const login = { bucket: "login-account", subject: "Solsikke", limit: 3, windowSeconds: 15 * 60 } as const;

  test("allows the limit and refuses the next attempt with the seconds left in the window", async () => {
    const db = database().db;
    for (let i = 0; i < 3; i++) {
      await expect(hitRateLimit(db, { ...login, now: at("2026-12-01T10:00:00.000Z") })).resolves.toMatchObject({
        ok: true,
      });
    }
    await expect(hitRateLimit(db, { ...login, now: at("2026-12-01T10:05:00.000Z") })).resolves.toEqual({
      ok: false,
      retryAfterSeconds: 600,
    });
  });

  test("starts counting again in the next window", async () => {
    const db = database().db;
    for (let i = 0; i < 4; i++) await hitRateLimit(db, { ...login, now: at("2026-12-01T10:14:00.000Z") });
    await expect(hitRateLimit(db, { ...login, now: at("2026-12-01T10:15:00.000Z") })).resolves.toEqual({
      ok: true,
      remaining: 2,
    });
  });

  test("counts each subject and each bucket on its own", async () => {
    const db = database().db;
    const now = at("2026-12-01T10:00:00.000Z");
    for (let i = 0; i < 4; i++) await hitRateLimit(db, { ...login, now });
    await expect(hitRateLimit(db, { ...login, subject: "Fjellrev", now })).resolves.toMatchObject({ ok: true });
    await expect(hitRateLimit(db, { ...login, bucket: "login-ip", now })).resolves.toMatchObject({ ok: true });
  });

  test("loses no attempt when many arrive at once", async () => {
    const db = database().db;
    const now = at("2026-12-01T10:00:00.000Z");
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(db, { ...login, limit: 20, now })));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    const rows = await db.selectFrom("rate_limits").select("count").execute();
    expect(rows).toEqual([{ count: 25 }]);
  });

  test("stores the subject only as a keyed hash, never as itself", async () => {
    const { db } = database();
    await hitRateLimit(db, { bucket: "login-ip", subject: "203.0.113.7", limit: 5, windowSeconds: 60 });
    await hitRateLimit(db, { ...login, subject: "Solsikke" });
    const dump = JSON.stringify(await db.selectFrom("rate_limits").selectAll().execute());
    expect(dump).not.toContain("203.0.113.7");
    expect(dump).not.toContain("Solsikke");
    expect(dump.toLowerCase()).not.toContain("solsikke");
  });

  test("keeps a client address only for its window: the next hit in the bucket removes expired windows", async () => {
    const db = database().db;
    const ip = { bucket: "login-ip", limit: 5, windowSeconds: 60 } as const;
    await hitRateLimit(db, { ...ip, subject: "203.0.113.7", now: at("2026-12-01T10:00:00.000Z") });
    await hitRateLimit(db, { ...ip, subject: "198.51.100.2", now: at("2026-12-01T10:01:30.000Z") });
    const rows = await db.selectFrom("rate_limits").select("window_start").execute();
    expect(rows).toEqual([{ window_start: "2026-12-01T10:01:00.000Z" }]);
  });

  test("does not disturb a longer window of the same bucket", async () => {
    const db = database().db;
    const hourly = { bucket: "feed", subject: "feed:1", limit: 2, windowSeconds: 3600 } as const;
    for (let i = 0; i < 3; i++) await hitRateLimit(db, { ...hourly, now: at("2026-12-01T10:05:00.000Z") });
    await hitRateLimit(db, {
      bucket: "feed",
      subject: "x",
      limit: 30,
      windowSeconds: 600,
      now: at("2026-12-01T10:25:00.000Z"),
    });
    await expect(hitRateLimit(db, { ...hourly, now: at("2026-12-01T10:30:00.000Z") })).resolves.toMatchObject({
      ok: false,
    });
  });

  test("makes one secret per database when RATE_LIMIT_SECRET is not set, and keeps it", async () => {
    const db = database().db;
    await hitRateLimit(db, { ...login });
    await hitRateLimit(db, { ...login, subject: "Fjellrev" });
    const secrets = await db.selectFrom("app_secrets").select(["name", "value"]).execute();
    expect(secrets).toEqual([{ name: "rate-limit", value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) }]);
  });
});

describe("tooManyRequests", () => {
  test("answers 429 with Retry-After in whole seconds and is never stored", async () => {
    const response = tooManyRequests(12.3);
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("13");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("clientAddress", () => {
  test("reads the address the server put in the load context", () => {
    expect(clientAddress({ clientAddress: "203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddress({ clientAddress: "::ffff:203.0.113.7" })).toBe("203.0.113.7");
  });

  test("counts an IPv6 address by its /64, which one device can roam across", () => {
    expect(clientAddress({ clientAddress: "2001:db8:1:2:aaaa::1" })).toBe("2001:db8:1:2::/64");
    expect(clientAddress({ clientAddress: "2001:DB8:1:2:ffff:0:0:9" })).toBe("2001:db8:1:2::/64");
    expect(clientAddress({ clientAddress: "2001:db8::1" })).toBe("2001:db8:0:0::/64");
  });

  test("groups requests without a known address together instead of failing", () => {
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});

describe("keepRetryAfter", () => {
  test("passes an action's or loader's Retry-After on to the page, and nothing else", () => {
    const from = (headers: Record<string, string>) => new Headers(headers);
    const args = (action: Record<string, string>, loader: Record<string, string>) =>
      ({
        actionHeaders: from(action),
        loaderHeaders: from(loader),
        parentHeaders: new Headers(),
        errorHeaders: undefined,
      }) as never;
    expect(new Headers(keepRetryAfter(args({ "Retry-After": "60", "X-Other": "1" }, {}))).get("Retry-After")).toBe(
      "60",
    );
    expect(new Headers(keepRetryAfter(args({}, { "Retry-After": "5" }))).get("Retry-After")).toBe("5");
    expect([...new Headers(keepRetryAfter(args({ "X-Other": "1" }, {})))]).toEqual([]);
  });
});
