// Which edits of an activity a member is told about. Plain functions, no I/O.

/** What a member plans around: when and where. */
export interface ActivityFacts {
  startsAt: string;
  endsAt: string;
  area: string;
  address: string | null;
}

/** "time" and/or "place" when they changed; text, title and capacity are cosmetic here. */
export type ChangedFact = "time" | "place";

export function significantChanges(before: ActivityFacts, after: ActivityFacts): ChangedFact[] {
  const changed: ChangedFact[] = [];
  if (
    Date.parse(before.startsAt) !== Date.parse(after.startsAt) ||
    Date.parse(before.endsAt) !== Date.parse(after.endsAt)
  )
    changed.push("time");
  if (before.area.trim() !== after.area.trim() || (before.address ?? "").trim() !== (after.address ?? "").trim())
    changed.push("place");
  return changed;
}
