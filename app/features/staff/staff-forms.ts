// Schemas for the smaller staff forms: chapters, groups, staff accounts, invites, members.
// Fields not named here are never read (parseForm), so a posted `role`, `chapterId` or `id`
// cannot change anything it should not.
import { z } from "zod";
import { msg, type ValidationCode } from "~/platform/validation";
import { multiLine, singleLine } from "~/features/activities/activity-form";

const oneLine = (max: number) =>
  z
    .string({ required_error: msg("required") })
    .transform(singleLine)
    .pipe(z.string().min(1, msg("required")).max(max, msg("tooLong")));

/** A comma-joined list of ids (see joinCheckboxes). */
const idList = z
  .string()
  .optional()
  .transform((v) => [...new Set((v ?? "").split(",").filter(Boolean))])
  .pipe(z.array(z.string().max(64)).max(100));

export const chapterSchema = z.object({
  name: oneLine(80),
  slug: z
    .string({ required_error: msg("required") })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, msg("staff.slugFormat")),
  region: oneLine(80),
});

export const coordinatorsSchema = z.object({ coordinatorIds: idList });

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
  chapter: z.string({ required_error: msg("staff.chooseChapter") }).min(1, msg("staff.chooseChapter")).max(64),
});

export const joinRequestSchema = z.object({
  intent: z.enum(["approve", "decline"]),
  memberId: z.string().min(1).max(64),
});

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

export const INVITE_COUNT_MAX = 50;
export const INVITE_DAYS_MAX = 90;

const wholeNumber = (min: number, max: number, message: ValidationCode) =>
  z
    .string({ required_error: message })
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

export const inviteSchema = z.object({
  count: wholeNumber(1, INVITE_COUNT_MAX, "staff.inviteCount"),
  expiresInDays: wholeNumber(1, INVITE_DAYS_MAX, "staff.inviteDays"),
  groupIds: idList,
});

export const memberActionSchema = z.object({
  intent: z.enum(["deactivate", "resetCode"]),
  memberId: z.string().min(1).max(64),
});

/** An invite code in readable groups of four, for a slip of paper. */
export function codeInGroups(code: string): string {
  return code.replace(/-/g, "").match(/.{1,4}/g)?.join(" ") ?? code;
}
