// `npm run build`, second half: bundles the production server (server/index.ts) into
// build/server.js, started with plain node. Packages stay external (node_modules); the Remix
// build is loaded at run time. The server must take everything from the app out of that build,
// so a bundle holding any file outside server/ is refused: there would be two copies of it.
import { build } from "esbuild";

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
