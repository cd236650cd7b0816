// Every language says everything, with the same placeholders, and no page says anything that is
// not in a catalog. Bokmål (nb) is the source of every key.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { FORMAT_TAGS, LOCALE_NAMES, LOCALES, type Locale } from "~/i18n/config";
import { i18nFor, resources } from "~/i18n/catalogs.server";

type Tree = { [key: string]: string | Tree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** "a.b.c" → text, for every leaf. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") leaves.set(at, value);
    else for (const [k, v] of flatten(value, at)) leaves.set(k, v);
  }
  return leaves;
}

/** A plural key stands for its base key: Arabic needs six forms where Bokmål needs two. */
function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, "");
}

function catalog(locale: Locale): Map<string, string> {
  return flatten(resources[locale].translation as unknown as Tree);
}

function pluralBases(leaves: Map<string, string>): Set<string> {
  return new Set([...leaves.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(baseKey));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!).sort();
}

const source = catalog("nb");
const sourceBases = new Set([...source.keys()].map(baseKey));
const sourcePlurals = pluralBases(source);
const others = LOCALES.filter((l) => l !== "nb");

describe("message catalogs", () => {
  test.each(others)("%s has every key Bokmål has", (locale) => {
    const keys = new Set([...catalog(locale).keys()].map(baseKey));
    expect([...sourceBases].filter((k) => !keys.has(k))).toEqual([]);
  });

  test.each(others)("%s has no key that Bokmål lacks", (locale) => {
    expect([...catalog(locale).keys()].filter((k) => !sourceBases.has(baseKey(k)))).toEqual([]);
  });

  test.each([...LOCALES])("%s gives each counted text exactly the plural forms its language uses", (locale) => {
    const leaves = catalog(locale);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
    const wrong: string[] = [];
    for (const base of sourcePlurals) {
      const forms = [...leaves.keys()].filter((k) => PLURAL_SUFFIX.test(k) && baseKey(k) === base);
      if (forms.length === 0) continue; // missing altogether: the key test above names it
      const have = forms.map((k) => PLURAL_SUFFIX.exec(k)![1]!).sort();
      if (have.join() !== categories.join()) wrong.push(`${base}: ${have.join()} (needs ${categories.join()})`);
    }
    // A plural only in this language would never be looked up as a plain key.
    for (const base of pluralBases(leaves)) if (!sourcePlurals.has(base)) wrong.push(`${base}: not plural in nb`);
    expect(wrong).toEqual([]);
  });

  test.each(others)("%s keeps the placeholders of every Bokmål text", (locale) => {
    const wrong: string[] = [];
    for (const [key, text] of catalog(locale)) {
      const base = baseKey(key);
      // Compare with the Bokmål text of the same key, or with its "other" form for plural forms
      // Bokmål does not have; a "one"/"zero"/"two" form may spell the number out instead.
      const original = source.get(key) ?? source.get(`${base}_other`) ?? source.get(base);
      if (original === undefined) continue;
      const expected = placeholders(original);
      const actual = placeholders(text);
      const mayDropCount = PLURAL_SUFFIX.test(key) && !key.endsWith("_other");
      const ok = mayDropCount
        ? actual.every((p) => expected.includes(p)) && expected.every((p) => p === "count" || actual.includes(p))
        : actual.join() === expected.join();
      if (!ok) wrong.push(`${key}: {${actual.join()}} where nb has {${expected.join()}}`);
    }
    expect(wrong).toEqual([]);
  });

  test.each([...LOCALES])("%s has no empty text", (locale) => {
    expect([...catalog(locale)].filter(([, text]) => text.trim() === "").map(([k]) => k)).toEqual([]);
  });

  test.each([...LOCALES])("%s names the calendar download in plain ASCII, as an HTTP header needs", (locale) => {
    expect(catalog(locale).get("calendar.download.fileName")).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test("Arabic chooses the plural form by count, never falling back to Bokmål", () => {
    const t = i18nFor("ar").t;
    const texts = [0, 1, 2, 3, 11, 100].map((count) => t("activities.placesLeft", { count }));
    expect(new Set(texts).size).toBe(6);
    for (const text of texts) expect(text).not.toMatch(/plass/);
    expect(t("activities.placesLeft", { count: 3 })).toContain("3");
  });

  test("each language is offered in its own name and has a tag Intl understands", () => {
    expect(LOCALE_NAMES).toMatchObject({ ar: "العربية", ur: "اردو", so: "Soomaali" });
    for (const locale of LOCALES) {
      expect(Intl.DateTimeFormat.supportedLocalesOf([FORMAT_TAGS[locale]])).toEqual([FORMAT_TAGS[locale]]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// No hard-coded user-facing text in components and routes

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const USER_FACING_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
]);

/**
 * Literal text that is fine on a page in any language, with the reason. Symbols and punctuation
 * need no entry: only text with a letter in it is looked at.
 */
const ALLOWED_TEXT = new Map<string, string>([
  // Each language's own name is shown in that language on purpose (LOCALE_NAMES).
  ...Object.values(LOCALE_NAMES).map((name) => [name, "a language's own name"] as [string, string]),
  [".ics", "a file type, the same in every language"],
]);

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => path.join(dir, f));
}

const hasLetter = (text: string) => /\p{L}/u.test(text);

/** Literal strings an expression can evaluate to directly (not through t()). */
function literalTexts(node: ts.Node): ts.StringLiteralLike[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.AmpersandAmpersandToken
    ) {
      return [...literalTexts(node.left), ...literalTexts(node.right)];
    }
  }
  return [];
}

function templateText(node: ts.TemplateExpression): string {
  return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
}

export function hardCodedTexts(file: string, text: string): string[] {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const words = value.replace(/\s+/g, " ").trim();
    if (!hasLetter(words) || ALLOWED_TEXT.has(words)) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push(`${file}:${line + 1}: ${JSON.stringify(words)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      for (const literal of literalTexts(node.expression)) report(literal, literal.text);
      if (ts.isTemplateExpression(node.expression)) report(node.expression, templateText(node.expression));
    }
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(sourceFile)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) {
        for (const literal of literalTexts(init.expression)) report(literal, literal.text);
        if (ts.isTemplateExpression(init.expression)) report(init.expression, templateText(init.expression));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe("user-facing text lives in the catalogs", () => {
  const files = [...sourceFiles("app/components"), ...sourceFiles("app/routes"), "app/root.tsx"];

  test("the scan finds the components and routes", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain(path.join("app", "components", "SiteHeader.tsx"));
  });

  test("no component or route holds hard-coded words in JSX text or user-facing attributes", () => {
    const found = files.flatMap((file) => hardCodedTexts(file, fs.readFileSync(path.join(root, file), "utf8")));
    expect(found).toEqual([]);
  });

  test("the scan catches text, attributes and literal expressions, and lets symbols and t() through", () => {
    const sample = `
      export function A({ t, ok }) {
        return (
          <div title="Hjelp" aria-label={t("x")}>
            Hei
            {ok ? "Ja" : t("no")}
            <img alt={\`Bilde av \${ok}\`} />
            <span> · </span> → {t("y")} {"–"}
            <input placeholder={t("z")} />
          </div>
        );
      }`;
    expect(hardCodedTexts("sample.tsx", sample).map((line) => line.replace(/^sample\.tsx:\d+: /, ""))).toEqual([
      '"Hjelp"',
      '"Hei"',
      '"Ja"',
      '"Bilde av"',
    ]);
  });
});
