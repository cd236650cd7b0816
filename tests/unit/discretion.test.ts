// What a shared phone can show without the page open — tab titles, history, the home-screen name
// and icon, calendar names — must not say what this site is about.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resources } from "~/i18n/catalogs.server";
import { loader as manifestLoader } from "~/routes/manifest[.]webmanifest";
import { parseEnv } from "~/platform/env.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const FORBIDDEN = [
  "krise",
  "vold",
  "æresrelatert",
  "tvangsekteskap",
  "sosial kontroll",
  "overgrep",
  "crisis",
  "violence",
  "honour",
  "honor",
  "forced marriage",
  "social control",
  "abuse",
  "shelter",
];

function forbiddenIn(text: string): string[] {
  const lower = text.toLowerCase();
  return FORBIDDEN.filter((word) => lower.includes(word));
}

/** Every string in a catalog that can end up outside the page: titles and calendar texts. */
function lockScreenStrings(node: unknown, keyPath: string[] = [], inside = false): Array<[string, string]> {
  if (typeof node === "string") return inside ? [[keyPath.join("."), node]] : [];
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    lockScreenStrings(
      value,
      [...keyPath, key],
      inside || key === "meta" || /metaTitle/i.test(key) || key === "calendar",
    ),
  );
}

describe("discretion", () => {
  test("the forbidden-word check finds a word it should", () => {
    expect(forbiddenIn("Oslo Krisesenter")).toEqual(["krise"]);
    expect(lockScreenStrings({ meta: { a: "Vold" }, page: { title: "x" } })).toEqual([["meta.a", "Vold"]]);
  });

  test.each(Object.keys(resources))("page titles and calendar texts in %s are neutral", (locale) => {
    const strings = lockScreenStrings(resources[locale as keyof typeof resources].translation);
    expect(strings.length).toBeGreaterThan(3);
    expect(strings.filter(([, text]) => forbiddenIn(text).length > 0)).toEqual([]);
  });

  test("the default site name, short name and calendar name are neutral", () => {
    const env = parseEnv({});
    for (const name of [env.SITE_NAME, env.SITE_SHORT_NAME, env.CALENDAR_NAME]) expect(forbiddenIn(name)).toEqual([]);
  });

  test("the web app manifest has a neutral name and icon", async () => {
    const response = manifestLoader();
    expect(response.headers.get("Content-Type")).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as { name: string; short_name: string; icons: Array<{ src: string }> };
    expect(manifest).toMatchObject({ name: "Møteplass", short_name: "Møteplass", start_url: "/" });
    expect(forbiddenIn(JSON.stringify(manifest))).toEqual([]);
    for (const icon of manifest.icons) {
      const file = path.join(root, "public", icon.src);
      expect(fs.existsSync(file), icon.src).toBe(true);
      expect(forbiddenIn(fs.readFileSync(file, "latin1"))).toEqual([]);
    }
  });

  test("robots.txt turns every crawler away", () => {
    const robots = fs.readFileSync(path.join(root, "public/robots.txt"), "utf8");
    expect(robots).toMatch(/^User-agent: \*\s*\nDisallow: \/\s*$/m);
    expect(robots).not.toMatch(/^Allow:/im);
  });
});
