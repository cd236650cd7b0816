// No two folders import each other, not even for types: app/features/<each>, the other folders of
// app/, db, scripts, server and tests are the nodes; a cycle through any of them is a layer that
// no longer holds (ESLint's import-x/no-cycle sees cycles between files only).
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");
const folders = ["app", "db", "scripts", "server", "tests"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function folderOf(file: string): string {
  const parts = path.relative(root, file).split(path.sep);
  if (parts[0] !== "app") return parts[0]!;
  if (parts[1] === "features" && parts.length > 3) return `app/features/${parts[2]}`;
  return parts.length > 2 ? `app/${parts[1]}` : "app";
}

function importedFiles(file: string, options: ts.CompilerOptions): string[] {
  const { importedFiles: imports } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  return imports.flatMap(({ fileName }) => {
    const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
    return resolved && !resolved.isExternalLibraryImport ? [path.resolve(resolved.resolvedFileName)] : [];
  });
}

/** Folder → the folders it imports, with one file:specifier example per edge. */
function folderGraph() {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const graph = new Map<string, Map<string, string>>();
  for (const file of folders.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const from = folderOf(file);
    for (const target of importedFiles(file, options)) {
      if (!target.startsWith(root + path.sep)) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${path.relative(root, file)} → ${path.relative(root, target)}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** The groups of folders that reach each other through imports, each with its direct imports. */
function folderCycles(graph: Map<string, Map<string, string>>): string[] {
  const reached = (from: string) => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      for (const neighbour of graph.get(stack.pop()!)?.keys() ?? []) {
        if (seen.has(neighbour)) continue;
        seen.add(neighbour);
        stack.push(neighbour);
      }
    }
    return seen;
  };
  const groups = new Set<string>();
  for (const folder of graph.keys()) {
    const group = [...reached(folder)].filter((other) => reached(other).has(folder)).sort();
    if (group.length < 2) continue;
    const edges = group.flatMap((from) =>
      [...(graph.get(from) ?? [])].filter(([to]) => group.includes(to)).map(([, example]) => example),
    );
    groups.add(`${group.join(" ⇄ ")}: ${edges.sort().join("; ")}`);
  }
  return [...groups].sort();
}

describe("folder imports", () => {
  it("finds a cycle when two folders import each other", () => {
    const graph = new Map([
      ["app/platform", new Map([["app/i18n", "a → b"]])],
      ["app/i18n", new Map([["app/platform", "b → a"]])],
      ["db", new Map()],
    ]);
    expect(folderCycles(graph)).toEqual(["app/i18n ⇄ app/platform: a → b; b → a"]);
  });

  it("has no two folders that import each other", () => {
    expect(folderCycles(folderGraph())).toEqual([]);
  });
});
