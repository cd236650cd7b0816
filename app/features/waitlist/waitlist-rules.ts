// Who is promoted from the waitlist, and whether a freed place is offered first. Plain functions,
// no I/O; waitlist.server.ts applies them.

const HOUR_MS = 60 * 60 * 1000;

/** A place that frees up more than this long before the start is offered, not given at once. */
export const OFFER_LEAD_MS = 24 * HOUR_MS;
/** How long an offer holds the place. */
export const OFFER_HOLD_MS = 12 * HOUR_MS;

/**
 * Who moves from the waitlist to "going": the earliest arrivals, as many as there are free places.
 * Lowering capacity below the going count frees nothing, and nobody going is ever moved back.
 */
export function pickPromotions<T extends { arrival: number }>(
  capacity: number | null,
  goingCount: number,
  waitlisted: readonly T[],
): T[] {
  const inOrder = [...waitlisted].sort((a, b) => a.arrival - b.arrival);
  if (capacity === null) return inOrder;
  return inOrder.slice(0, Math.max(0, capacity - goingCount));
}

export interface FillFacts {
  startsAt: string;
  rsvpDeadline: string | null;
  now: Date;
}

/**
 * How a freed place is filled: nothing after the start (an offer or a place nobody can use);
 * an offer until a time when the start is far enough away and the offer can run at least a
 * little while before the deadline; otherwise the first in line gets the place at once.
 */
export function fillMode(
  { startsAt, rsvpDeadline, now }: FillFacts,
  { leadMs = OFFER_LEAD_MS, holdMs = OFFER_HOLD_MS }: { leadMs?: number; holdMs?: number } = {},
): { kind: "none" } | { kind: "promote" } | { kind: "offer"; expiresAt: string } {
  const start = Date.parse(startsAt);
  const at = now.getTime();
  if (at >= start) return { kind: "none" };
  if (start - at <= leadMs) return { kind: "promote" };
  const deadline = rsvpDeadline === null ? start : Math.min(start, Date.parse(rsvpDeadline));
  const expires = Math.min(at + holdMs, deadline);
  // An offer of less than an hour is no offer: give the place instead.
  if (expires - at < HOUR_MS) return { kind: "promote" };
  return { kind: "offer", expiresAt: new Date(expires).toISOString() };
}
