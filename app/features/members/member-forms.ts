// Schemas for the member account forms. Messages are catalog keys under `validation.`.
import { z } from "zod";
import { checkPassphrase } from "./passphrase";
import { checkPseudonym } from "./pseudonym";
import { msg, type ValidationCode } from "~/platform/validation";

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

export const pseudonymField = z
  .string()
  .max(400, msg("pseudonym.tooLong"))
  .transform((value, ctx) => {
    const result = checkPseudonym(value);
    if (!result.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.error });
      return z.NEVER;
    }
    return result.pseudonym;
  });

/** A new passphrase; `isCommon` is the server's breached-password list. */
export function newPassphraseField(isCommon: (p: string) => boolean) {
  return z.string().superRefine((value, ctx) => {
    const error = checkPassphrase(value, { isCommon });
    if (error) ctx.addIssue({ code: z.ZodIssueCode.custom, message: error });
  });
}

export const codeField = (requiredKey: ValidationCode) =>
  z.string().trim().min(1, requiredKey).max(100, msg("members.codeUnusable"));

export function joinSchema(isCommon: (p: string) => boolean) {
  return z
    .object({
      code: codeField("members.codeRequired"),
      pseudonym: pseudonymField,
      passphrase: newPassphraseField(isCommon),
      ownDevice: checkbox,
    })
    .superRefine((form, ctx) => {
      // Runs even when a field above failed (its value is then not a string): check first.
      if (typeof form.pseudonym !== "string" || typeof form.passphrase !== "string") return;
      if (form.passphrase.trim().toLowerCase() === form.pseudonym.toLowerCase()) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["passphrase"], message: msg("passphrase.samePseudonym") });
      }
    });
}

export const loginSchema = z.object({
  // Not checked against the pseudonym rules: the answer must be the same for any wrong input.
  pseudonym: z.string().trim().min(1, msg("pseudonym.required")).max(400, msg("pseudonym.tooLong")),
  passphrase: z.string().min(1, msg("passphrase.required")).max(1000, msg("passphrase.tooLong")),
  ownDevice: checkbox,
});

export function resetSchema(isCommon: (p: string) => boolean) {
  return z.object({
    pseudonym: z.string().trim().min(1, msg("pseudonym.required")).max(400, msg("pseudonym.tooLong")),
    code: codeField("members.resetCodeRequired"),
    passphrase: newPassphraseField(isCommon),
  });
}

export function changePassphraseSchema(isCommon: (p: string) => boolean) {
  return z.object({
    currentPassphrase: z.string().min(1, msg("passphrase.required")).max(1000, msg("passphrase.tooLong")),
    newPassphrase: newPassphraseField(isCommon),
  });
}

/** Leaving a group or asking to join one, on my page. */
export const groupIntentSchema = z.object({ groupId: z.string().min(1).max(100) });
