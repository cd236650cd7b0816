// The form that makes invites.
import { z } from "zod";
import { LOCALES, type Locale } from "~/i18n/config";
import { idList, singleLine, wholeNumber } from "~/platform/form-fields";
import { msg } from "~/platform/validation";

export const INVITE_COUNT_MAX = 50;
export const INVITE_DAYS_MAX = 90;
/** A batch's staff label ("Bergen, men's group, handed out at the café"): short, never printed. */
export const INVITE_LABEL_MAX = 80;
/** Slips fit two languages side by side on a slip, no more. */
export const SLIP_LANGUAGES_MAX = 2;

/** Comma-joined locale codes (the route joins the ticked boxes); none ticked prints Norwegian slips. */
const slipLanguages = z
  .string()
  .optional()
  .transform((v) => [...new Set((v ?? "").split(",").filter(Boolean))])
  .pipe(
    z
      .array(z.string())
      .max(SLIP_LANGUAGES_MAX, msg("staffSlips.chooseLanguages"))
      .refine(
        (codes) => codes.every((c) => (LOCALES as readonly string[]).includes(c)),
        msg("staffSlips.chooseLanguages"),
      )
      .transform((codes): Locale[] => (codes.length === 0 ? ["nb"] : (codes as Locale[]))),
  );

export const inviteSchema = z.object({
  count: wholeNumber(1, INVITE_COUNT_MAX, "staff.inviteCount"),
  expiresInDays: wholeNumber(1, INVITE_DAYS_MAX, "staff.inviteDays"),
  groupIds: idList,
  label: z
    .string()
    .optional()
    .transform((v) => singleLine(v ?? ""))
    .pipe(z.string().max(INVITE_LABEL_MAX, msg("staffSlips.labelTooLong")))
    .transform((v) => (v === "" ? null : v)),
  languages: slipLanguages,
});
