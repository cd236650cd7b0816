// Who is promoted from the waitlist. Plain functions, no I/O; waitlist.server.ts applies them.

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
