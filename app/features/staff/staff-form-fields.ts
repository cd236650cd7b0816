// Field schemas shared by the staff forms (chapters, groups, staff accounts, invites, members).
// Fields a form's schema does not name are never read (parseForm), so a posted `role`,
// `chapterId` or `id` cannot change anything it should not.
import { z } from "zod";
import { msg, type ValidationCode } from "~/platform/validation";
import { singleLine } from "~/features/activities/activity-form";

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
