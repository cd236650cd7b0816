// Build assets compressed once by `npm run build` (name.js.br, name.js.gz beside name.js): sent as
// they are to clients that accept them, with Content-Encoding and Vary, instead of compressing
// the same file again for every request. Anything else falls through to express.static.
import fs from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

function filesUnder(dir: string): Set<string> {
  const found = new Set<string>();
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      found.add(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  }
  return found;
}

export function precompressed(dir: string): RequestHandler {
  // Read once: the build does not change under a running server.
  const files = filesUnder(dir);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const name = req.path.slice(1);
    const type = TYPES[path.extname(name)];
    if (!type || !files.has(name)) return next();
    const encoding = req.acceptsEncodings("br", "gzip");
    const suffix = encoding === "br" ? ".br" : encoding === "gzip" ? ".gz" : undefined;
    res.vary("Accept-Encoding");
    if (!suffix || !files.has(name + suffix)) return next();
    res.sendFile(path.join(dir, name + suffix), {
      dotfiles: "deny",
      immutable: true,
      maxAge: "1y",
      headers: { "Content-Type": type, "Content-Encoding": encoding },
    });
  };
}
