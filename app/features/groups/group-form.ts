// The group form, and a decision on a join request.
import { z } from "zod";
import { msg } from "~/platform/validation";
import { multiLine, oneLine } from "~/platform/form-fields";

export const groupSchema = z.object({
  name: oneLine(80),
  description: z
    .string()
    .optional()
    .transform((v) => multiLine(v ?? ""))
    .pipe(z.string().max(2000, msg("tooLong"))),
  audience: z.enum(["women", "men", "everyone"], { errorMap: () => ({ message: msg("staff.chooseAudience") }) }),
  joinPolicy: z.enum(["open", "approval"], { errorMap: () => ({ message: msg("staff.chooseJoinPolicy") }) }),
});

/** A new group also says where it belongs: a chapter id, or "national" (admins only). */
export const newGroupSchema = groupSchema.extend({
  chapter: z
    .string({ required_error: msg("staff.chooseChapter") })
    .min(1, msg("staff.chooseChapter"))
    .max(64),
});

export const joinRequestSchema = z.object({
  intent: z.enum(["approve", "decline"]),
  memberId: z.string().min(1).max(64),
});
