// What staff may write to everyone going to an activity: plain text on several lines, no control
// characters, at most MESSAGE_MAX characters. Shared by the workflow and the staff page's form.
import { z } from "zod";
import { multiLine } from "~/platform/form-fields";
import { msg } from "~/platform/validation";

export const MESSAGE_MAX = 1000;

export const staffMessageSchema = z.object({
  body: z
    .string()
    .optional()
    .transform((v) => multiLine(v ?? ""))
    .pipe(z.string().min(1, msg("required")).max(MESSAGE_MAX, msg("tooLong"))),
  includeWaitlist: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
