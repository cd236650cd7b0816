// RSVP rules as plain functions: who may still answer, what a "going" answer becomes, who is
// promoted from the waitlist, and how the places are shown. No I/O; the models apply them inside
// one write transaction.
import { z } from "zod";
import { msg } from "~/platform/validation";
import type { ActivityStatus, RsvpStatus } from "../../../db/schema";

/** A note to staff is a short message, not a letter. */
export const RSVP_NOTE_MAX = 500;

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

/** A new "going" answer gets a place while there is one; otherwise it joins the waitlist. */
export function statusForGoing(capacity: number | null, goingCount: number): Extract<RsvpStatus, "going" | "waitlisted"> {
  return capacity === null || goingCount < capacity ? "going" : "waitlisted";
}

/** Every new answer (and every return from "not going") goes to the back of the queue. */
export function nextArrival(lastArrival: number | null | undefined): number {
  return (lastArrival ?? 0) + 1;
}

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

export type PlacesState = { kind: "unlimited" } | { kind: "open"; left: number } | { kind: "full" };

export function placesState(capacity: number | null, goingCount: number): PlacesState {
  if (capacity === null) return { kind: "unlimited" };
  const left = capacity - goingCount;
  return left > 0 ? { kind: "open", left } : { kind: "full" };
}

// C0/C1 controls (newlines and tabs aside) and bidirectional overrides/isolates, which can make a
// note read differently to staff than it was written. Zero-width joiners stay: scripts need them.
const UNSAFE_IN_NOTE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export const RSVP_INTENTS = ["going", "not_going", "withdraw"] as const;
export type RsvpIntent = (typeof RSVP_INTENTS)[number];
/** The one schema for the answer form on an activity page. */
export const rsvpFormSchema = z.object({
  intent: z.enum(RSVP_INTENTS, { errorMap: () => ({ message: msg("activities.chooseAnswer") }) }),
  note: z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .max(RSVP_NOTE_MAX, msg("activities.noteTooLong"))
        .refine((v) => !UNSAFE_IN_NOTE.test(v), msg("activities.noteCharacters")),
    )
    .transform((v) => (v === "" ? null : v)),
  // A checkbox: present ("on") when ticked, absent otherwise.
  showPseudonym: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
