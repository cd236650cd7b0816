import {
  hashPassword,
  legacyScryptHashForTests,
  setHashParamsForTests,
  verifyPassword,
} from "~/platform/password.server";
import { findActiveSession } from "~/features/sessions/sessions.server";
import {
  completeStaffSecondFactor,
  pendingTotpSecret,
  signInStaffWithPassword,
} from "~/features/staff/staff-sign-in.server";
import { currentTotpCode } from "~/platform/totp.server";
import { loadViewer } from "~/features/sessions/viewer.server";
import { action as loginAction } from "~/routes/staff.login._index";
import { action as logoutAction } from "~/routes/staff.logout";
import { action as setupAction, loader as setupLoader } from "~/routes/staff.login.setup";
import { action as totpAction } from "~/routes/staff.login.totp";
import { captureLogs, TEST_HASH_PARAMS } from "../setup/unit";
import { useTestDatabase } from "../setup/db";
import { createStaff } from "../factories";
import { call, cookieFrom } from "./support/staff";

const tokenOf = (cookie: string) => cookie.split("=")[1]!;
const TOTP_SECRET = "JBSWY3DPEHPK3PXP";

describe("staff sign-in", () => {
  const testDb = useTestDatabase();

  async function staffWithTotp() {
    const secret = TOTP_SECRET;
    const staff = await createStaff(testDb().db, { email: "koordinator@example.org", totp_secret: secret });
    return { staff, secret };
  }

  async function passwordStep(email: string, password: string) {
    return call(loginAction, "/staff/login", {
      fields: [
        ["email", email],
        ["password", password],
      ],
    });
  }

  it("answers an unknown e-mail and a wrong password identically, and logs no e-mail", async () => {
    await staffWithTotp();
    const logs = captureLogs();
    const unknown = await passwordStep("nobody@example.org", "whatever password");
    const wrong = await passwordStep("koordinator@example.org", "whatever password");
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    // The same error; only the typed e-mail, echoed back into the form, differs.
    expect(unknown.data).toEqual({
      errors: { form: "staff.signInFailed" },
      values: { email: "nobody@example.org", redirectTo: "" },
    });
    expect(wrong.data).toEqual({
      ...unknown.data,
      values: { ...unknown.data.values, email: "koordinator@example.org" },
    });
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
    expect(wrong.headers.get("Set-Cookie")).toBeNull();
    expect(JSON.stringify(logs)).not.toContain("example.org");
    expect(logs.filter((l) => l.event === "staff_sign_in_failed")).toHaveLength(2);
  });

  it("spends hashing work on an unknown e-mail too", async () => {
    await staffWithTotp();
    const time = async (email: string) => {
      const start = performance.now();
      await passwordStep(email, "whatever password");
      return performance.now() - start;
    };
    await time("warm-up@example.org");
    const unknown = await time("nobody@example.org");
    const wrong = await time("koordinator@example.org");
    // Both verify one hash; without the dummy hash the unknown case would be near zero.
    expect(unknown).toBeGreaterThan(wrong / 4);
  });

  it("opens only a half session after the password, which cannot use staff pages", async () => {
    const { staff } = await staffWithTotp();
    const res = await passwordStep(staff.email, staff.password);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/staff/login/totp");
    const viewer = await loadViewer(testDb().db, tokenOf(cookieFrom(res.headers.get("Set-Cookie"))));
    expect(viewer.kind).toBe("staff-pending");
  });

  it("accepts a TOTP code once, rotates the session id and signs the staff member in", async () => {
    const { staff, secret } = await staffWithTotp();
    const pending = cookieFrom((await passwordStep(staff.email, staff.password)).headers.get("Set-Cookie"));
    const code = currentTotpCode(secret);
    const res = await call(totpAction, "/staff/login/totp", { fields: [["code", code]], cookie: pending });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/staff");
    const full = cookieFrom(res.headers.get("Set-Cookie"));
    expect(full).not.toBe(pending);
    expect(await findActiveSession(testDb().db, tokenOf(pending))).toBeUndefined();
    expect((await loadViewer(testDb().db, tokenOf(full))).kind).toBe("staff");

    // The same code in a second sign-in is refused.
    const again = cookieFrom((await passwordStep(staff.email, staff.password)).headers.get("Set-Cookie"));
    const replay = await call(totpAction, "/staff/login/totp", { fields: [["code", code]], cookie: again });
    expect(replay.status).toBe(400);
    expect(replay.data.errors).toEqual({ code: "staff.codeFailed" });
  });

  it("carries a redirectTo with characters a header cannot carry through both steps, and uses the code for a real sign-in", async () => {
    const { staff, secret } = await staffWithTotp();
    const odd = "/\u3000/evil.example";
    const first = await call(loginAction, "/staff/login", {
      fields: [
        ["email", staff.email],
        ["password", staff.password],
        ["redirectTo", odd],
      ],
    });
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toBe(
      `/staff/login/totp?redirectTo=${encodeURIComponent("/%E3%80%80/evil.example")}`,
    );
    const pending = cookieFrom(first.headers.get("Set-Cookie"));
    const res = await call(totpAction, "/staff/login/totp", {
      fields: [
        ["code", currentTotpCode(secret)],
        ["redirectTo", odd],
      ],
      cookie: pending,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/%E3%80%80/evil.example");
    expect((await loadViewer(testDb().db, tokenOf(cookieFrom(res.headers.get("Set-Cookie"))))).kind).toBe("staff");
  });

  it("lets exactly one of two parallel requests with the same code through", async () => {
    const { staff, secret } = await staffWithTotp();
    const db = testDb().db;
    const [a, b] = await Promise.all([
      signInStaffWithPassword(db, { email: staff.email, password: staff.password }),
      signInStaffWithPassword(db, { email: staff.email, password: staff.password }),
    ]);
    const sessionId = async (cookie: string) => (await findActiveSession(db, tokenOf(cookieFrom(cookie))))!.id;
    if (!a.ok || !b.ok) throw new Error("password step failed");
    const code = currentTotpCode(secret);
    const results = await Promise.all([
      completeStaffSecondFactor(db, { staffId: staff.id, pendingSessionId: await sessionId(a.cookie), code }),
      completeStaffSecondFactor(db, { staffId: staff.id, pendingSessionId: await sessionId(b.cookie), code }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("re-hashes the password with today's parameters at sign-in", async () => {
    setHashParamsForTests({ ...TEST_HASH_PARAMS, timeCost: 2 });
    const oldHash = await hashPassword("et gammelt passord her");
    setHashParamsForTests(TEST_HASH_PARAMS);
    const staff = await createStaff(testDb().db, { totp_secret: TOTP_SECRET, password_hash: oldHash });
    const res = await passwordStep(staff.email, "et gammelt passord her");
    expect(res.status).toBe(303);
    const row = await testDb()
      .db.selectFrom("staff_users")
      .select("password_hash")
      .where("id", "=", staff.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).not.toBe(oldHash);
    expect(row.password_hash.startsWith("$argon2id$v=19$m=256,t=1,p=1$")).toBe(true);
  });

  it("accepts a password hashed with scrypt before Argon2 and stores an Argon2id hash instead", async () => {
    const oldHash = await legacyScryptHashForTests("et gammelt passord her", { N: 2 ** 10, r: 8, p: 1 });
    const staff = await createStaff(testDb().db, { totp_secret: TOTP_SECRET, password_hash: oldHash });
    expect((await passwordStep(staff.email, "et feil passord her")).status).toBe(400);
    const res = await passwordStep(staff.email, "et gammelt passord her");
    expect(res.status).toBe(303);
    const row = await testDb()
      .db.selectFrom("staff_users")
      .select("password_hash")
      .where("id", "=", staff.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith("$argon2id$")).toBe(true);
    expect((await verifyPassword("et gammelt passord her", row.password_hash)).ok).toBe(true);
  });

  it("sets TOTP up at the first sign-in, shows recovery codes once, and a recovery code works once", async () => {
    const staff = await createStaff(testDb().db);
    const first = await passwordStep(staff.email, staff.password);
    expect(first.headers.get("Location")).toBe("/staff/login/setup");
    const pending = cookieFrom(first.headers.get("Set-Cookie"));

    const page = await call(setupLoader, "/staff/login/setup", { cookie: pending });
    expect(page.data.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = pendingTotpSecret(tokenOf(pending));
    expect(page.data.manualKey.replace(/ /g, "")).toBe(secret);

    const wrong = await call(setupAction, "/staff/login/setup", { fields: [["code", "000000"]], cookie: pending });
    expect(wrong.status).toBe(400);
    const done = await call(setupAction, "/staff/login/setup", {
      fields: [["code", currentTotpCode(secret)]],
      cookie: pending,
    });
    expect(done.status).toBe(200);
    const recoveryCodes: string[] = done.data.recoveryCodes;
    expect(recoveryCodes).toHaveLength(8);
    const stored = await testDb()
      .db.selectFrom("recovery_codes")
      .select("code_hash")
      .where("staff_id", "=", staff.id)
      .execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
    const afterSetup = await call(setupLoader, "/staff/login/setup", {
      cookie: cookieFrom(done.headers.get("Set-Cookie")),
    });
    expect(afterSetup.data).toEqual({ done: true });

    const viaRecovery = async () => {
      const cookie = cookieFrom((await passwordStep(staff.email, staff.password)).headers.get("Set-Cookie"));
      return call(totpAction, "/staff/login/totp", { fields: [["code", recoveryCodes[0]!.toLowerCase()]], cookie });
    };
    expect((await viaRecovery()).status).toBe(303);
    expect((await viaRecovery()).status).toBe(400);
  });

  it("ends the session on sign-out", async () => {
    const { staff, secret } = await staffWithTotp();
    const pending = cookieFrom((await passwordStep(staff.email, staff.password)).headers.get("Set-Cookie"));
    const full = cookieFrom(
      (
        await call(totpAction, "/staff/login/totp", { fields: [["code", currentTotpCode(secret)]], cookie: pending })
      ).headers.get("Set-Cookie"),
    );
    const res = await call(logoutAction, "/staff/logout", { fields: [], cookie: full });
    expect(res.status).toBe(303);
    expect(res.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await findActiveSession(testDb().db, tokenOf(full))).toBeUndefined();
  });
});
