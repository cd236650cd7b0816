// When an activity takes answers, and how its places read. Plain functions, no I/O, shared by the
// server and the pages.
import type { ActivityStatus } from "../../../db/schema";

export interface AnswerWindow {
  status: ActivityStatus;
  starts_at: string;
  rsvp_deadline: string | null;
}

/** Answers close at the RSVP deadline, or when the activity starts if it has none. */
export function rsvpDeadline(activity: Pick<AnswerWindow, "starts_at" | "rsvp_deadline">): string {
  return activity.rsvp_deadline ?? activity.starts_at;
}

export type AnswerBlock = "cancelled" | "closed";

/** Why a member can no longer answer, or null when they can. */
export function answerBlock(activity: AnswerWindow, now: Date): AnswerBlock | null {
  if (activity.status === "cancelled") return "cancelled";
  if (Date.parse(rsvpDeadline(activity)) <= now.getTime()) return "closed";
  return null;
}

export type PlacesState = { kind: "unlimited" } | { kind: "open"; left: number } | { kind: "full" };

export function placesState(capacity: number | null, goingCount: number): PlacesState {
  if (capacity === null) return { kind: "unlimited" };
  const left = capacity - goingCount;
  return left > 0 ? { kind: "open", left } : { kind: "full" };
}
