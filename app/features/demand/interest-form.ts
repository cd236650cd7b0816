// The "would you like a network where you live?" form: a county, optionally one of its
// municipalities, who it is for, optionally a language. Nothing else is read from the form.
import { z } from "zod";
import { LOCALES, type Locale } from "~/i18n/config";
import { msg } from "~/platform/validation";
import type { Audience } from "../../../db/schema";
import { COUNTIES, type County } from "./data/norway-areas";

export { AUDIENCES } from "./audiences";

// Built on first use, so that a page importing this module for its types costs the browser nothing.
let byNumber: Map<string, County> | undefined;

export function findCounty(number: string): County | undefined {
  byNumber ??= new Map(COUNTIES.map((c) => [c.number, c]));
  return byNumber.get(number);
}

export function findMunicipality(number: string) {
  return findCounty(number.slice(0, 2))?.municipalities.find((m) => m.number === number);
}

export interface InterestInput {
  countyNumber: string;
  /** "" when none was chosen */
  municipalityNumber: string;
  audience: Audience;
  /** "" when none was chosen */
  language: Locale | "";
}

/** A function, not a constant, so that no page's browser bundle carries the county list. */
export function interestSchema() {
  return z
    .object({
      county: z.string({ required_error: msg("interest.chooseCounty") }).refine((v) => findCounty(v) !== undefined, {
        message: msg("interest.chooseCounty"),
      }),
      municipality: z.string().optional().default(""),
      audience: z.enum(["women", "men", "everyone"], { errorMap: () => ({ message: msg("interest.chooseAudience") }) }),
      language: z
        .string()
        .optional()
        .default("")
        .refine((v) => v === "" || (LOCALES as readonly string[]).includes(v), {
          message: msg("interest.chooseLanguage"),
        }),
    })
    .superRefine((form, ctx) => {
      const county = findCounty(form.county);
      if (county && form.municipality !== "" && !county.municipalities.some((m) => m.number === form.municipality)) {
        ctx.addIssue({ code: "custom", path: ["municipality"], message: msg("interest.municipalityNotInCounty") });
      }
    })
    .transform((form): InterestInput => ({
      countyNumber: form.county,
      municipalityNumber: form.municipality,
      audience: form.audience,
      language: form.language as Locale | "",
    }));
}

/** The counties and their municipalities as the form's select lists show them. */
export function countyChoices() {
  return COUNTIES.map((c) => ({
    number: c.number,
    name: c.name,
    municipalities: c.municipalities.map((m) => ({ number: m.number, name: m.name })),
  }));
}
