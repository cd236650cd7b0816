// A full disk, simulated with PRAGMA max_page_count on a file database: the file may not grow, so
// a write that needs a new page fails with SQLITE_FULL ("database or disk is full").
import { sql } from "kysely";
import { writeTransaction } from "../../db/transaction";
import { FAILURE_HOLD_MS, resetWriteHealth } from "../../db/write-health";
import { loader as healthz } from "~/routes/healthz";
import { useTestDatabase } from "../setup/db";

const database = useTestDatabase({ file: true });
beforeEach(() => resetWriteHealth());
afterEach(() => vi.useRealTimers());

/** No page may be added from now on. */
function fillTheDisk() {
  const { sqlite } = database();
  const pages = sqlite.pragma("page_count", { simple: true }) as number;
  sqlite.pragma(`max_page_count = ${pages}`);
}

function makeRoom() {
  database().sqlite.pragma("max_page_count = 1073741823");
}

/** A write that needs new pages: one audit entry of 200 kB. */
function bigWrite() {
  return writeTransaction(database().db, async (trx) => {
    await trx
      .insertInto("audit_log")
      .values({
        id: crypto.randomUUID(),
        at: new Date().toISOString(),
        actor_staff_id: null,
        action: "test",
        object_type: "test",
        object_id: null,
        details: "x".repeat(200_000),
      })
      .execute();
  });
}

describe("a write transaction on a full disk", () => {
  test("fails with the real error, not with one from the rollback", async () => {
    fillTheDisk();
    const failure = await bigWrite().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "SQLITE_FULL", message: "database or disk is full" });
  });

  test("leaves the connection usable: once there is room again, the next write is saved", async () => {
    fillTheDisk();
    await expect(bigWrite()).rejects.toThrow("database or disk is full");
    expect(database().sqlite.inTransaction).toBe(false);
    makeRoom();
    await bigWrite();
    const count = await database()
      .db.selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  test("an error that is not about the storage is reported as itself, and nothing of the transaction stays", async () => {
    const failure = await writeTransaction(database().db, async (trx) => {
      await trx.insertInto("app_secrets").values({ name: "a", value: "1", created_at: "now" }).execute();
      await sql`select * from no_such_table`.execute(trx);
    }).catch((error: unknown) => error);
    expect(String(failure)).toMatch(/no such table/);
    expect(await database().db.selectFrom("app_secrets").selectAll().execute()).toEqual([]);
  });
});

describe("/healthz and a full disk", () => {
  test("answers 503 right after a write failed for lack of space, though reads still work", async () => {
    fillTheDisk();
    await expect(bigWrite()).rejects.toThrow();
    const response = await healthz();
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("database cannot save");
  });

  test("answers 200 again once a write has been saved", async () => {
    fillTheDisk();
    await expect(bigWrite()).rejects.toThrow();
    makeRoom();
    await bigWrite();
    expect((await healthz()).status).toBe(200);
  });

  test("keeps answering 503 while writes keep failing, past the first moments", async () => {
    vi.useFakeTimers({ now: new Date("2027-01-01T12:00:00Z"), toFake: ["Date"] });
    fillTheDisk();
    await expect(bigWrite()).rejects.toThrow();
    vi.setSystemTime(Date.now() + FAILURE_HOLD_MS + 1);
    await expect(bigWrite()).rejects.toThrow();
    expect((await healthz()).status).toBe(503);
  });

  test("answers 503 when its own write probe cannot be saved, before anyone else tried", async () => {
    expect((await healthz()).status).toBe(200);
    vi.useFakeTimers({ now: new Date(Date.now() + 60_000), toFake: ["Date"] });
    database().sqlite.pragma("query_only = ON");
    expect((await healthz()).status).toBe(503);
  });
});
