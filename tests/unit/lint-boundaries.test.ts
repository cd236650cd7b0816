// The layer rules of eslint.config.js, run on small sources placed in each folder: each rule
// must refuse what it is there to refuse and let the allowed spelling through.
import path from "node:path";
import { ESLint } from "eslint";

const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });

/** The rules that fire for `source` as if it were the file at `file` (relative to the root). */
async function rulesFiredFor(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return [...new Set(result!.messages.map((message) => message.ruleId ?? message.message))].sort();
}

describe("the layer rules", { timeout: 60_000 }, () => {
  it("refuses db/ importing anything from app/", async () => {
    const fired = await rulesFiredFor(
      "db/example.ts",
      'import { newId } from "../app/platform/ids.server";\nnewId();\n',
    );
    expect(fired).toContain("import-x/no-restricted-paths");
  });

  it("refuses app/platform importing a feature", async () => {
    const fired = await rulesFiredFor(
      "app/platform/example.ts",
      'import { normalizePseudonym } from "~/features/members/pseudonym";\nnormalizePseudonym("a");\n',
    );
    expect(fired).toEqual(["import-x/no-restricted-paths"]);
  });

  it("refuses app/i18n importing the platform", async () => {
    const fired = await rulesFiredFor(
      "app/i18n/example.ts",
      'import { readCookie } from "~/platform/cookies.server";\nreadCookie(null, "lang");\n',
    );
    expect(fired).toEqual(["import-x/no-restricted-paths"]);
  });

  it("refuses a feature importing a component or a route", async () => {
    const component = await rulesFiredFor(
      "app/features/groups/example.ts",
      'import { ActivityTime } from "~/components/ActivityTime";\nexport const shown = ActivityTime;\n',
    );
    const route = await rulesFiredFor(
      "app/features/groups/example.ts",
      'import { loader } from "~/routes/healthz";\nexport const used = loader;\n',
    );
    expect(component).toEqual(["import-x/no-restricted-paths"]);
    expect(route).toEqual(["import-x/no-restricted-paths"]);
  });

  it("refuses a component importing a *.server module, even for a type", async () => {
    const fired = await rulesFiredFor(
      "app/components/Example.tsx",
      'import type { AppDatabase } from "~/platform/db.server";\nexport type Handle = AppDatabase;\n',
    );
    expect(fired).toEqual(["no-restricted-imports"]);
  });

  it("refuses server/ importing app/ at run time and allows it for types", async () => {
    const atRunTime = await rulesFiredFor(
      "server/example.ts",
      'import { serverHooks } from "~/server-hooks.server";\nexport const hooks = serverHooks;\n',
    );
    const forTypes = await rulesFiredFor(
      "server/example.ts",
      'import type { ServerHooks } from "~/server-hooks.server";\nexport type Hooks = ServerHooks;\n',
    );
    expect(atRunTime).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(forTypes).toEqual([]);
  });

  it("wants ./ inside a folder and ~/ for app/ from another folder", async () => {
    const aliasInside = await rulesFiredFor(
      "app/platform/example.ts",
      'import { newId } from "~/platform/ids.server";\nnewId();\n',
    );
    const relativeAcross = await rulesFiredFor(
      "scripts/example.ts",
      'import { newId } from "../app/platform/ids.server";\nnewId();\n',
    );
    const canonical = await rulesFiredFor(
      "app/platform/example.ts",
      'import { newId } from "./ids.server";\nimport { openDatabase } from "../../db/connection";\nexport { newId, openDatabase };\n',
    );
    expect(aliasInside).toEqual(["local/import-spelling"]);
    expect(relativeAcross).toEqual(["local/import-spelling"]);
    expect(canonical).toEqual([]);
  });

  it("refuses one module imported under two specifiers in one file", async () => {
    const fired = await rulesFiredFor(
      "app/routes/example.tsx",
      'import { newId } from "~/platform/ids.server";\nimport { nowIso } from "~/platform/ids.server.ts";\nnewId();\nnowIso();\n',
    );
    expect(fired).toContain("import-x/no-duplicates");
  });
});
