import { randomUUID } from "node:crypto";

/** Random ids, so URLs reveal neither counts nor order. */
export function newId(): string {
  return randomUUID();
}

export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
