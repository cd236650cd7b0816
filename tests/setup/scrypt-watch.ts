// Watches node:crypto's scrypt from the outside: how many calls, and how many ran at once.
// Use with `vi.mock("node:crypto", async (o) => (await import("../setup/scrypt-watch")).watchScrypt(o as never))`.
import type * as Crypto from "node:crypto";

// On globalThis: vi.resetModules() may load this file twice, and both copies must share the counts.
const shared = globalThis as { scryptWatch?: { calls: number; running: number; mostAtOnce: number } };
export const scryptWatch = (shared.scryptWatch ??= { calls: 0, running: 0, mostAtOnce: 0 });

export function resetScryptWatch() {
  Object.assign(scryptWatch, { calls: 0, running: 0, mostAtOnce: 0 });
}

export async function watchScrypt(importOriginal: () => Promise<typeof Crypto>) {
  const actual = await importOriginal();
  const scrypt = (...args: unknown[]) => {
    const done = args.pop() as (error: Error | null, key: Buffer) => void;
    scryptWatch.calls++;
    scryptWatch.running++;
    scryptWatch.mostAtOnce = Math.max(scryptWatch.mostAtOnce, scryptWatch.running);
    try {
      (actual.scrypt as (...a: unknown[]) => void)(...args, (error: Error | null, key: Buffer) => {
        scryptWatch.running--;
        done(error, key);
      });
    } catch (error) {
      scryptWatch.running--; // refused at once (bad parameters)
      throw error;
    }
  };
  return { ...actual, default: { ...actual, scrypt }, scrypt };
}
