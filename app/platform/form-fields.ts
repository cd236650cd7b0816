// Text cleaning and field schemas shared by the forms of several features.
// Fields a form's schema does not name are never read (parseForm), so a posted `role`,
// `chapterId` or `id` cannot change anything it should not.
import { z } from "zod";
import { msg, type ValidationCode } from "./validation";

// Control characters and bidirectional overrides can make a text read differently than written.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** A one-line field: line breaks become spaces (a title must not carry a header or an iCal line). */
export function singleLine(value: string): string {
  return value
    .replace(/[\r\n]+/g, " ")
    .replace(UNSAFE_CHARACTERS, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A multi-line field: CRLF and CR become LF, other control characters go. */
export function multiLine(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(UNSAFE_CHARACTERS, "").trim();
}

export const oneLine = (max: number) =>
  z
    .string({ required_error: msg("required") })
    .transform(singleLine)
    .pipe(z.string().min(1, msg("required")).max(max, msg("tooLong")));

/** A comma-joined list of ids (see joinCheckboxes). */
export const idList = z
  .string()
  .optional()
  .transform((v) => [...new Set((v ?? "").split(",").filter(Boolean))])
  .pipe(z.array(z.string().max(64)).max(100));

export const wholeNumber = (min: number, max: number, message: ValidationCode) =>
  z
    .string({ required_error: message })
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));
