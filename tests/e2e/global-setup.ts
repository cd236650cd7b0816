// Fails the e2e run early, with a way out, when what it needs is not there.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "./support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default function setup() {
  for (const file of ["build/index.js", "build/server.js", "public/build"]) {
    if (!fs.existsSync(path.join(root, file))) {
      throw new Error(
        `The production build is missing (${file}). Run \`npm run build\` first; \`npm run test:e2e\` does that for you.`,
      );
    }
  }
  const chromium = chromiumPath();
  if (!fs.existsSync(chromium)) {
    throw new Error(
      `Chromium was not found at ${chromium}. Install it with \`apt-get update && apt-get install -y chromium\`, ` +
        "or set CHROMIUM_PATH to the Chromium or Chrome executable you have.",
    );
  }
}
