// `npm run build`, second half: bundles the production server (server/index.ts) into
// build/server.js, started with plain node. Packages stay external (node_modules); the Remix
// build is loaded at run time. The server must take everything from the app out of that build,
// so a bundle holding any file outside server/ is refused: there would be two copies of it.
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const result = await build({
  entryPoints: ["server/index.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  metafile: true,
  logLevel: "warning",
});

const foreign = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith("server/"));
if (foreign.length > 0) {
  console.error(
    `build/server.js must not bundle files from outside server/ (use the build's serverHooks):\n  ${foreign.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(`built build/server.js (${Object.keys(result.metafile.inputs).length} files from server/)`);

// Build assets compressed once, at the highest levels, for server/precompressed.ts.
let compressed = 0;
for (const entry of fs.readdirSync("public/build", { recursive: true, withFileTypes: true })) {
  const file = path.join(entry.parentPath, entry.name);
  if (!entry.isFile() || !/\.(js|css)$/.test(entry.name)) continue;
  const body = fs.readFileSync(file);
  fs.writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  );
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  compressed++;
}
console.log(`compressed ${compressed} build assets (.br, .gz)`);
