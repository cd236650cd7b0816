// Limits the answer form shows in the browser; no zod here, so the schemas stay on the server.

/** The longest private note a member can leave with an answer. */
export const RSVP_NOTE_MAX = 500;

/** The longest "meet me at …" place a member can name. */
export const MEET_PLACE_MAX = 80;

/** The longest reply staff can write to a member's note. */
export const REPLY_MAX = 1000;
