// RSVP rules as plain functions: what a "going" answer becomes, where a new answer queues, and
// what a note may hold. No I/O; answers.server.ts applies them inside one write transaction.
// When an activity takes answers and how its places read: activities/answer-window.ts; who is
// promoted: waitlist/.
import { z } from "zod";
import { MEET_PLACE_MAX, REPLY_MAX, RSVP_NOTE_MAX } from "./answer-limits";
import { msg } from "~/platform/validation";
import type { RsvpStatus } from "../../../db/schema";

// The note's limit lives in a module without zod, for the answer form in the browser.
export { RSVP_NOTE_MAX };

/** Where to be met: a few words ("by the bus stop"), not directions. */

/** A new "going" answer gets a place while there is one; otherwise it joins the waitlist. */
export function statusForGoing(
  capacity: number | null,
  goingCount: number,
): Extract<RsvpStatus, "going" | "waitlisted"> {
  return capacity === null || goingCount < capacity ? "going" : "waitlisted";
}

/** Every new answer (and every return from "not going") goes to the back of the queue. */
export function nextArrival(lastArrival: number | null | undefined): number {
  return (lastArrival ?? 0) + 1;
}

// C0/C1 controls (newlines and tabs aside) and bidirectional overrides/isolates, which can make a
// note read differently to staff than it was written. Zero-width joiners stay: scripts need them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
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
  meetAtDoor: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  meetPlace: z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .max(MEET_PLACE_MAX, msg("tooLong"))
        .refine((v) => !UNSAFE_IN_NOTE.test(v), msg("activities.noteCharacters")),
    )
    .transform((v) => (v === "" ? null : v)),
});

/** A staff reply to a member's note: plain text, a little longer than the note itself. */
export const staffReplySchema = z.object({
  body: z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, msg("required"))
        .max(REPLY_MAX, msg("tooLong"))
        .refine((v) => !UNSAFE_IN_NOTE.test(v), msg("activities.noteCharacters")),
    ),
});
