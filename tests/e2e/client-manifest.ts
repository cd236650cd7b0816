// What the browser loads for a route, read from the Remix build's manifest (public/build/manifest-*.js):
// the entry, the root and the route modules with their imports. For tests and `npm run bench`.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

interface ManifestEntry {
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: ManifestEntry;
  routes: Record<string, ManifestEntry & { parentId?: string }>;
}

export function readManifest(publicDir = "public"): Manifest {
  const dir = path.join(publicDir, "build");
  const file = fs.readdirSync(dir).find((f) => /^manifest-[A-Z0-9]+\.js$/.test(f));
  if (!file) throw new Error("no manifest in public/build: run npm run build first");
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

/** Every script URL a page of this route loads (entry, root, parents, the route; with imports). */
export function scriptsFor(manifest: Manifest, routeId: string): string[] {
  const chain: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) chain.unshift(id);
  const entries = [manifest.entry, ...chain.map((id) => manifest.routes[id]!)];
  return [...new Set(entries.flatMap((e) => [e.module, ...(e.imports ?? [])]))];
}

export function scriptText(url: string, publicDir = "public"): string {
  return fs.readFileSync(path.join(publicDir, url), "utf8");
}

/** Raw and gzip bytes of a route's scripts, and how many there are. */
export function scriptBytes(routeId: string, publicDir = "public") {
  const scripts = scriptsFor(readManifest(publicDir), routeId);
  let raw = 0;
  let gzip = 0;
  for (const url of scripts) {
    const text = fs.readFileSync(path.join(publicDir, url));
    raw += text.length;
    gzip += zlib.gzipSync(text, { level: 9 }).length;
  }
  return { scripts: scripts.length, raw, gzip };
}
