import { action as joinAction } from "~/routes/join";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as languageAction } from "~/routes/language";
import { findActiveSession } from "~/features/sessions/sessions.server";
import { createInvites } from "~/features/members/invites.server";
import { useTestDatabase } from "../setup/db";
import { createChapter, createGroup, createMember, DEFAULT_MEMBER_PASSPHRASE } from "../factories";

type ActionFn = (args: any) => Promise<unknown>;

/** Calls an action with a form, the way Remix does; returns status, headers and data. */
async function post(fn: ActionFn, path: string, fields: Array<[string, string]>, cookie?: string) {
  const body = new URLSearchParams(fields);
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
  try {
    const result = (await fn({ request, params: {}, context: {} })) as any;
    if (result instanceof Response) return { status: result.status, headers: result.headers, data: undefined };
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      return { status: result.init?.status ?? 200, headers: new Headers(result.init?.headers), data: result.data };
    }
    return { status: 200, headers: new Headers(), data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, data: undefined };
    throw thrown;
  }
}

describe("the join form", () => {
  const testDb = useTestDatabase();

  async function invite() {
    const db = testDb().db;
    const chapter = await createChapter(db);
    const group = await createGroup(db, { chapter_id: chapter.id });
    const [created] = await createInvites(db, {
      chapterId: chapter.id,
      groupIds: [group.id],
      expiresAt: new Date(Date.now() + 86_400_000),
      count: 1,
      createdByStaffId: null,
    });
    return { chapter, group, code: created!.code };
  }

  it("shows each problem next to its field and keeps what was typed, except the passphrase", async () => {
    const { code } = await invite();
    const res = await post(joinAction, "/join", [
      ["code", code],
      ["pseudonym", "<b>x</b>"],
      ["passphrase", "kort"],
    ]);
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ pseudonym: "pseudonym.characters", passphrase: "passphrase.tooShort" });
    expect(res.data.values).toEqual({ code, pseudonym: "<b>x</b>" });
    expect(JSON.stringify(res.data)).not.toContain('kort"');
  });

  it.each([
    ["an empty form", []],
    [
      "overlong values",
      [
        ["code", "x".repeat(100_000)],
        ["pseudonym", "y".repeat(100_000)],
        ["passphrase", "z".repeat(100_000)],
      ],
    ],
    [
      "control characters",
      [
        ["code", "\u0000\u0001"],
        ["pseudonym", "a\u0007b"],
        ["passphrase", "\u0000".repeat(12)],
      ],
    ],
    [
      "bidi overrides",
      [
        ["code", "\u202e"],
        ["pseudonym", "Sara\u202e"],
        ["passphrase", "abc\u202edefghijk"],
      ],
    ],
  ] as Array<[string, Array<[string, string]>]>)(
    "answers %s with 400 and field errors, never a 500",
    async (_name, fields) => {
      const res = await post(joinAction, "/join", fields);
      expect(res.status).toBe(400);
      expect(Object.keys(res.data.errors).length).toBeGreaterThan(0);
      const members = await testDb().db.selectFrom("members").select("id").execute();
      expect(members).toHaveLength(0);
    },
  );

  it("ignores fields that try to choose the chapter, the role or the id", async () => {
    const { chapter, code } = await invite();
    const other = await createChapter(testDb().db);
    const res = await post(joinAction, "/join", [
      ["code", code],
      ["pseudonym", "Nordlys"],
      ["passphrase", "en lang og god frase"],
      ["chapter_id", other.id],
      ["role", "admin"],
      ["id", "mine"],
      ["memberId", "x"],
    ]);
    expect(res.status).toBe(200);
    const member = await testDb().db.selectFrom("members").selectAll().executeTakeFirstOrThrow();
    expect(member.chapter_id).toBe(chapter.id);
    expect(member.id).not.toBe("mine");
  });

  it("uses the first of repeated fields", async () => {
    const { code } = await invite();
    const res = await post(joinAction, "/join", [
      ["code", code],
      ["pseudonym", "Første"],
      ["pseudonym", "Andre"],
      ["passphrase", "en lang og god frase"],
    ]);
    expect(res.status).toBe(200);
    const member = await testDb().db.selectFrom("members").select("pseudonym").executeTakeFirstOrThrow();
    expect(member.pseudonym).toBe("Første");
  });

  it("answers a double-clicked submit with one member, signed in by both answers", async () => {
    const { code } = await invite();
    const fields: Array<[string, string]> = [
      ["code", code],
      ["pseudonym", "Dobbel"],
      ["passphrase", "en lang og god frase"],
    ];
    const [first, second] = await Promise.all([post(joinAction, "/join", fields), post(joinAction, "/join", fields)]);
    // The second repeats the first join (same code, pseudonym and passphrase).
    expect([first.status, second.status]).toEqual([200, 200]);
    const members = await testDb().db.selectFrom("members").select("id").execute();
    expect(members).toHaveLength(1);
  });
});

describe("the join form without a usable code", () => {
  const testDb = useTestDatabase();

  it("gives the same answer whether or not the pseudonym belongs to a member", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    await createMember(db, { chapter_id: chapter.id, pseudonym: "Fjellrev" });
    const attempt = (pseudonym: string) =>
      post(joinAction, "/join", [
        ["code", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG"],
        ["pseudonym", pseudonym],
        ["passphrase", "en lang og god frase"],
      ]);
    const taken = await attempt("Fjellrev");
    const free = await attempt("Ledig navn");
    expect(taken.status).toBe(400);
    expect(free.status).toBe(taken.status);
    expect(taken.data.errors).toEqual({ code: "members.codeUnusable" });
    expect(free.data.errors).toEqual(taken.data.errors);
    expect(free.data.values).toEqual({ ...taken.data.values, pseudonym: "Ledig navn" });
  });
});

describe("signing in and out", () => {
  const testDb = useTestDatabase();

  it("redirects to a same-site path only, and a replayed cookie after sign-out is refused", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    await createMember(db, { chapter_id: chapter.id, pseudonym: "Fjellrev" });
    const fields: Array<[string, string]> = [
      ["pseudonym", "Fjellrev"],
      ["passphrase", DEFAULT_MEMBER_PASSPHRASE],
    ];
    for (const evil of ["//evil.example", "/\\evil.example", "https://evil.example"]) {
      const res = await post(loginAction, `/login?redirectTo=${encodeURIComponent(evil)}`, fields);
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe("/");
    }
    const res = await post(loginAction, "/login?redirectTo=%2Fme", fields);
    expect(res.headers.get("Location")).toBe("/me");
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(cookie).toMatch(/^session=[A-Za-z0-9_-]{43}$/);
    const token = cookie.split("=")[1]!;
    expect(await findActiveSession(db, token)).toBeDefined();

    const out = await post(logoutAction, "/logout", [], cookie);
    expect(out.status).toBe(303);
    expect(out.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await findActiveSession(db, token)).toBeUndefined();
  });

  it("signs in and redirects safely when redirectTo holds characters a header cannot carry", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id, pseudonym: "Fjellrev" });
    const res = await post(loginAction, "/login?redirectTo=%2F%E3%80%80%2Fevil.example", [
      ["pseudonym", "Fjellrev"],
      ["passphrase", DEFAULT_MEMBER_PASSPHRASE],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/%E3%80%80/evil.example");
    const token = res.headers.get("Set-Cookie")!.split(";")[0]!.split("=")[1]!;
    expect((await findActiveSession(db, token))?.memberId).toBe(member.id);
  });

  it("names the session cookie __Host-session, Secure, when cookies are secure", async () => {
    // env() is read once per process: a fresh copy of the app's modules reads SECURE_COOKIES anew.
    const db = testDb();
    const chapter = await createChapter(db.db);
    await createMember(db.db, { chapter_id: chapter.id, pseudonym: "Sikker" });
    vi.resetModules();
    vi.stubEnv("SECURE_COOKIES", "true");
    try {
      const { useDatabase } = await import("~/platform/db.server");
      const { action } = await import("~/routes/login");
      useDatabase(db);
      const res = await post(action, "/login", [
        ["pseudonym", "Sikker"],
        ["passphrase", DEFAULT_MEMBER_PASSPHRASE],
      ]);
      expect(res.status).toBe(303);
      const setCookie = res.headers.get("Set-Cookie")!;
      expect(setCookie).toMatch(/^__Host-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure/);
      expect(await findActiveSession(db.db, setCookie.split(";")[0]!.split("=")[1]!)).toBeDefined();
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("gives one general message for a wrong passphrase and keeps the pseudonym", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    await createMember(db, { chapter_id: chapter.id, pseudonym: "Solsikke" });
    const res = await post(loginAction, "/login", [
      ["pseudonym", "Solsikke"],
      ["passphrase", "feil passord her"],
    ]);
    expect(res.status).toBe(400);
    expect(res.data).toEqual({
      errors: { form: "members.signInFailed" },
      values: { pseudonym: "Solsikke", ownDevice: "" },
    });
  });
});

describe("choosing a language", () => {
  const testDb = useTestDatabase();

  it("remembers the choice in a cookie and, for a member, in the profile that the next sign-in restores", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    await createMember(db, { chapter_id: chapter.id, pseudonym: "Språk" });
    const fields: Array<[string, string]> = [
      ["pseudonym", "Språk"],
      ["passphrase", DEFAULT_MEMBER_PASSPHRASE],
    ];
    const signedIn = await post(loginAction, "/login", fields);
    expect(signedIn.headers.get("Set-Cookie")).not.toContain("lang=");
    const cookie = signedIn.headers.get("Set-Cookie")!.split(";")[0]!;

    const chosen = await post(
      languageAction,
      "/language",
      [
        ["lang", "en"],
        ["returnTo", "/me?lang=nb"],
      ],
      cookie,
    );
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get("Location")).toBe("/me");
    expect(chosen.headers.get("Set-Cookie")).toMatch(/^lang=en; Path=\/;/);

    const again = await post(loginAction, "/login", fields);
    expect(again.headers.get("Set-Cookie")).toContain("lang=en");
  });

  it("ignores unknown languages and redirects only within the site", async () => {
    const res = await post(languageAction, "/language", [
      ["lang", "xx"],
      ["returnTo", "//evil.example"],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/");
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("limits on guessing", () => {
  const testDb = useTestDatabase();

  it("answers the 11th sign-in attempt for one pseudonym with 429 and Retry-After, even with the right passphrase", async () => {
    const db = testDb().db;
    const chapter = await createChapter(db);
    await createMember(db, { chapter_id: chapter.id, pseudonym: "Gjettet" });
    for (let i = 0; i < 10; i++) {
      const res = await post(loginAction, "/login", [
        ["pseudonym", "gjettet"],
        ["passphrase", `feil forsøk nr ${i}`],
      ]);
      expect(res.status).toBe(400);
    }
    const blocked = await post(loginAction, "/login", [
      ["pseudonym", "Gjettet"],
      ["passphrase", DEFAULT_MEMBER_PASSPHRASE],
    ]);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(blocked.data.errors).toEqual({ form: "members.tooManyAttempts" });
    expect(blocked.headers.get("Set-Cookie")).toBeNull();
  });

  it("answers a body that is not a form with 400, not 500", async () => {
    const request = new Request("http://localhost/login", {
      method: "POST",
      body: "--broken\r\nnot multipart at all",
      headers: { "Content-Type": "multipart/form-data; boundary=other" },
    });
    const thrown = await loginAction({ request, params: {}, context: {} } as any).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
  });
});
