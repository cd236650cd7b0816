// Norsk bokmål: the default language and the source of every key. Each feature keeps its own
// part (one file each) so catalogs stay readable; the Catalog type makes every language complete.
// Each part may add messages under `validation`, merged below.
import common from "./common";
import members from "./members";
import activities from "./activities";
import safety from "./safety";
import calendar from "./calendar";
import staff from "./staff";
import type { ValidationCode } from "~/platform/validation";

const nb = {
  ...common,
  ...members,
  ...activities,
  ...safety,
  ...calendar,
  ...staff,
  validation: {
    ...common.validation,
    ...members.validation,
    ...activities.validation,
    ...safety.validation,
    ...staff.validation,
  },
} as const;

// The validation messages are keyed by the codes the forms answer with (app/platform/validation.ts):
// a code without a message, or a message no form can give, is a type error here, naming it.
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type ValidationMessage = Exclude<Leaves<typeof nb.validation>, "summaryTitle" | "errorPrefix">;
const everyCodeHasAMessage: Record<Exclude<ValidationCode, ValidationMessage>, never> = {};
const everyMessageIsACode: Record<Exclude<ValidationMessage, ValidationCode>, never> = {};
void everyCodeHasAMessage;
void everyMessageIsACode;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every catalog must have exactly these keys; the type checker enforces it. */
export type Catalog = Widen<typeof nb>;
export default nb;
