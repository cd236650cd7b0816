// ESLint keeps the layers apart (docs/decisions/027-one-folder-per-feature-and-a-low-floor.md):
// which folder may import which, no import cycles, and one spelling per imported module.
// Prettier owns the layout.
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The folder that owns a file, for the import-spelling rule: one per feature under app/features,
 * one per other folder under app/, and db, scripts, server and tests as wholes.
 */
function ownerOf(file) {
  const parts = path.relative(root, file).split(path.sep);
  if (parts[0] !== "app") return parts.length > 1 ? parts[0] : ".";
  if (parts[1] === "features" && parts.length > 3) return `app/features/${parts[2]}`;
  return parts.length > 2 ? `app/${parts[1]}` : "app";
}

/** Where a relative or `~/` specifier points, or null for packages and Node built-ins. */
function targetOf(specifier, importer) {
  if (specifier.startsWith("~/")) return path.join(root, "app", specifier.slice(2));
  if (specifier.startsWith("./") || specifier.startsWith("../")) return path.resolve(path.dirname(importer), specifier);
  return null;
}

const importSpelling = {
  meta: {
    type: "suggestion",
    docs: { description: "Imports within a folder are relative, imports of app/ from another folder use ~/" },
    schema: [],
    messages: {
      sameFolder: "'{{specifier}}' is in this file's own folder ({{folder}}): import it relatively ('./…').",
      useAlias: "'{{specifier}}' is in another folder of app/ ({{folder}}): import it as '{{alias}}'.",
      noSuffix: "Import '{{specifier}}' without the file extension, so it has one spelling.",
    },
  },
  create(context) {
    const importer = context.filename;
    const from = ownerOf(importer);
    function check(node) {
      if (!node || node.type !== "Literal" || typeof node.value !== "string") return;
      const specifier = node.value;
      const target = targetOf(specifier, importer);
      if (!target) return;
      if (/\.(ts|tsx|js|jsx|mjs)$/.test(specifier)) {
        context.report({ node, messageId: "noSuffix", data: { specifier } });
        return;
      }
      const to = ownerOf(target + ".ts");
      if (to === from) {
        if (specifier.startsWith("~/"))
          context.report({ node, messageId: "sameFolder", data: { specifier, folder: to } });
      } else if (to.startsWith("app") && !specifier.startsWith("~/")) {
        const alias = "~/" + path.relative(path.join(root, "app"), target).split(path.sep).join("/");
        context.report({ node, messageId: "useAlias", data: { specifier, folder: to, alias } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.type === "TSLiteralType" ? node.argument.literal : node.argument),
    };
  },
};

const local = { rules: { "import-spelling": importSpelling } };

export default tseslint.config(
  { ignores: ["build/", "public/build/", "test-results/", ".cache/", "data/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node } },
    plugins: { "import-x": importX, local },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: path.join(root, "tsconfig.json") })],
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import-x/no-cycle": "error",
      "import-x/no-duplicates": "error",
      "import-x/no-self-import": "error",
      "local/import-spelling": "error",
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./db",
              from: ["./app", "./scripts", "./server", "./tests"],
              message: "db/ stands alone: schema, connection and migrations import nothing from the app.",
            },
            {
              target: "./app/i18n",
              from: ["./app/platform", "./app/features", "./app/routes", "./app/components"],
              message: "app/i18n is below the platform: catalogs and formats import nothing else from the app.",
            },
            {
              target: "./app/platform",
              from: ["./app/features", "./app/routes", "./app/components"],
              message: "app/platform is the low floor: it imports no feature, route or component.",
            },
            {
              target: "./app/features",
              from: ["./app/routes", "./app/components"],
              message: "A feature never imports routes or components: put shared types in the feature.",
            },
            {
              target: "./app",
              from: ["./scripts", "./tests"],
              message: "The app does not import command-line tasks or tests.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // The service worker runs in the browser, as a worker; it is served as it is, never bundled.
    files: ["public/sw.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.serviceworker } },
  },
  {
    // Components and hooks live in app/ only; tests name helpers `use…` (useTestDatabase) that are not hooks.
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      // The classic hook rules. The plugin's other recommended rules check code for the React
      // Compiler, which this app (React 18, classic Remix compiler) does not use.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "\\.server$",
              message: "Components run in the browser too: never import a *.server module, not even for types.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/**/*.{ts,mjs,js}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(~/|(\\.\\./)+(app|db)(/|$))",
              allowTypeImports: true,
              message: "The server takes the app from the build (serverHooks); import app/ and db/ for types only.",
            },
          ],
        },
      ],
    },
  },
  {
    // Nothing outside the database layer asks which database it talks to (db/dialect.ts holds one
    // helper per difference): no database driver, no dialect classes, no dialectOf.
    // (server/ imports only the build, see below.)
    files: ["app/**/*.{ts,tsx}", "scripts/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "pg", message: "Only db/ talks to the database driver." },
            { name: "better-sqlite3", message: "Only db/ talks to the database driver." },
            {
              name: "kysely",
              importNames: ["PostgresDialect", "PostgresAdapter", "SqliteDialect", "SqliteAdapter"],
              message: "Only db/ knows the dialect; add a helper to db/dialect.ts.",
            },
          ],
          patterns: [
            {
              group: ["**/db/dialect"],
              importNames: ["dialectOf"],
              message: "Code outside db/ does not branch on the dialect; add a helper to db/dialect.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Migrations are frozen and never import the app's types, so they (and the migrator that runs
    // them) work on Kysely<any>, as Kysely's own migration guide does.
    files: ["db/migrations/**/*.ts", "db/migrator.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["tests/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.vitest } },
    // The route harnesses call loaders and actions with hand-built arguments, the way Remix does,
    // and read whatever each one returns: typing every route's data there would copy the routes.
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
