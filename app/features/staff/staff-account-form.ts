// The new staff account form.
import { z } from "zod";
import { msg } from "~/platform/validation";
import { idList, oneLine } from "~/platform/form-fields";

export const staffAccountSchema = z.object({
  email: z
    .string({ required_error: msg("required") })
    .trim()
    .toLowerCase()
    .max(254, msg("tooLong"))
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, msg("staff.emailFormat")),
  displayName: oneLine(80),
  role: z.enum(["admin", "coordinator"], { errorMap: () => ({ message: msg("staff.chooseRole") }) }),
  chapterIds: idList,
});
