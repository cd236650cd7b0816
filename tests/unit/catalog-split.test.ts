import fs from "node:fs";
import path from "node:path";
import { catalogFor, resources, STAFF_PARTS } from "~/i18n/catalogs.server";
import { catalogScope, LOCALES, type CatalogTree } from "~/i18n/config";

const NB_PARTS = path.resolve("app/i18n/locales/nb");

function leaves(tree: CatalogTree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

describe("the catalog a page gets", () => {
  test("registers every catalog part file whose name starts with staff as a staff part", async () => {
    const files = fs.readdirSync(NB_PARTS).filter((f) => f.startsWith("staff") && f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const part = ((await import(`../../app/i18n/locales/nb/${file.replace(/\.ts$/, "")}`)) as { default: unknown })
        .default;
      expect(STAFF_PARTS, `${file} is not in STAFF_PARTS (app/i18n/catalogs.server.ts)`).toContain(part);
    }
  });

  test.each(LOCALES)("outside /staff holds every %s string but the staff parts' ones", (locale) => {
    const full = leaves(resources[locale].translation as unknown as CatalogTree);
    const staffKeys = new Set(STAFF_PARTS.flatMap((part) => leaves(part)));
    const member = leaves(catalogFor(locale, "member").catalog);
    expect(member.length).toBeGreaterThan(0);
    expect(member.filter((key) => staffKeys.has(key))).toEqual([]);
    expect(new Set(member)).toEqual(new Set(full.filter((key) => !staffKeys.has(key))));
    expect(new Set(leaves(catalogFor(locale, "staff").catalog))).toEqual(new Set(full));
  });

  test("staff strings are for /staff and below only", () => {
    expect(["/staff", "/staff/", "/staff/login", "/staff/chapters/x/members"].map(catalogScope)).toEqual([
      "staff",
      "staff",
      "staff",
      "staff",
    ]);
    expect(["/", "/staffing", "/me", "/activities/staff", "/login"].map(catalogScope)).toEqual([
      "member",
      "member",
      "member",
      "member",
      "member",
    ]);
  });

  test("every text key that pages outside /staff use is in the catalog they get", () => {
    const routes = fs
      .readdirSync("app/routes")
      .filter((f) => !f.startsWith("staff.") && !f.startsWith("staff_"))
      .map((f) => path.join("app/routes", f));
    const seen = new Set<string>();
    const queue = ["app/root.tsx", ...routes];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file) || !fs.existsSync(file)) continue;
      seen.add(file);
      const source = fs.readFileSync(file, "utf8");
      for (const match of source.matchAll(/from "(?:~\/components\/|\.\/)([A-Za-z-]+)"/g)) {
        const name = match[1]!;
        for (const ext of [".tsx", ".ts"]) queue.push(path.join("app/components", name + ext));
      }
    }
    const member = new Set(leaves(catalogFor("nb", "member").catalog));
    const missing: string[] = [];
    for (const file of seen) {
      const source = fs.readFileSync(file, "utf8");
      for (const match of source.matchAll(/\bt\(\s*"([A-Za-z0-9_.]+)"/g)) {
        const key = match[1]!;
        if (!member.has(key) && !member.has(`${key}_one`) && !member.has(`${key}_other`))
          missing.push(`${file}: ${key}`);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
