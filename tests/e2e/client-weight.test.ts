// What the browser receives: only the reader's language, staff strings only under /staff, no zod
// on member pages, and build assets precompressed. Read from the production build and server.
import { resources } from "~/i18n/catalogs.server";
import { readManifest, scriptsFor, scriptText } from "./client-manifest";
import { startApp, type RunningApp } from "./support";

const { nb, ar, en } = {
  nb: resources.nb.translation,
  ar: resources.ar.translation,
  en: resources.en.translation,
};

/** Strings only a catalog holds (not language names, which the switch shows in every language). */
const arabicStrings = [ar.home.title, ar.activities.listTitle, ar.join.title];
const englishStrings = [en.home.intro, en.activities.listIntro];
const staffStrings = [nb.staff.home.title, nb.staff.invites.slipText, nb.staff.members.resetCodeOnce];

const MEMBER_ROUTES = ["routes/_index", "routes/login", "routes/join", "routes/activities.$activityId", "routes/me"];

describe("the scripts a page loads", () => {
  const manifest = readManifest();

  test.each(MEMBER_ROUTES)("of %s hold no catalog strings at all, no staff strings and no zod", (route) => {
    const text = scriptsFor(manifest, route)
      .map((url) => scriptText(url))
      .join("\n");
    expect(text.length).toBeGreaterThan(100_000);
    for (const s of [...arabicStrings, ...englishStrings, ...staffStrings, nb.home.title, nb.activities.listIntro])
      expect(text).not.toContain(s);
    expect(text).not.toContain("ZodError");
  });

  test("of a staff page hold no catalog strings either", () => {
    const text = scriptsFor(manifest, "routes/staff._index")
      .map((url) => scriptText(url))
      .join("\n");
    for (const s of [...arabicStrings, ...staffStrings]) expect(text).not.toContain(s);
  });
});

describe("the pages the server sends", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ seed: true });
  });
  afterAll(() => app?.stop());

  const html = async (path: string, lang: string) =>
    (await fetch(app.baseUrl + path, { headers: { Cookie: `lang=${lang}` } })).text();

  test("a Norwegian landing page carries Norwegian strings and none in Arabic or English, and no staff strings", async () => {
    const page = await html("/", "nb");
    expect(page).toContain(nb.home.intro);
    for (const s of [...arabicStrings, ...englishStrings, ...staffStrings]) expect(page).not.toContain(s);
  });

  test("an Arabic landing page carries Arabic strings and no Norwegian ones", async () => {
    const page = await html("/", "ar");
    expect(page).toContain(ar.home.intro);
    expect(page).not.toContain(nb.home.intro);
    expect(page).not.toContain(nb.activities.listIntro);
  });

  test("a staff page carries the staff strings of its language only", async () => {
    const page = await html("/staff/login", "en");
    expect(page).toContain(en.staff.home.title);
    expect(page).not.toContain(nb.staff.home.title);
  });

  test("sends build scripts precompressed, with Content-Encoding and Vary, and plain to clients that ask for nothing", async () => {
    const landing = await html("/", "nb");
    const script = /\/build\/_shared\/chunk-[A-Z0-9]+\.js/.exec(landing)![0];
    const plain = await fetch(app.baseUrl + script, { headers: { "Accept-Encoding": "identity" } });
    const body = await plain.text();
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    for (const encoding of ["br", "gzip"]) {
      const res = await fetch(app.baseUrl + script, { headers: { "Accept-Encoding": encoding } });
      expect(res.headers.get("Content-Encoding")).toBe(encoding);
      expect(res.headers.get("Vary")).toMatch(/Accept-Encoding/);
      expect(res.headers.get("Content-Type")).toMatch(/^text\/javascript/);
      expect(res.headers.get("Cache-Control")).toMatch(/immutable/);
      expect(await res.text()).toBe(body); // fetch decodes it
    }
  });

  test("does not compress tiny bodies", async () => {
    const res = await fetch(app.baseUrl + "/healthz", { headers: { "Accept-Encoding": "br, gzip" } });
    expect(res.headers.get("Content-Encoding")).toBeNull();
    expect(await res.text()).toBe("ok");
  });
});
