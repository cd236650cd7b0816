// Checked by the type checker (`npm run typecheck`), not run: the validation messages in the
// catalogs are keyed by the codes the forms answer with (app/platform/validation.ts). A code
// without a message, or a message no form can give, is a type error here that names it. It lives
// under tests/ so that app/i18n need not import app/platform.
import type nb from "~/i18n/locales/nb";
import type { ValidationCode } from "~/platform/validation";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type ValidationMessage = Exclude<Leaves<(typeof nb)["validation"]>, "summaryTitle" | "errorPrefix">;
const everyCodeHasAMessage: Record<Exclude<ValidationCode, ValidationMessage>, never> = {};
const everyMessageIsACode: Record<Exclude<ValidationMessage, ValidationCode>, never> = {};
void everyCodeHasAMessage;
void everyMessageIsACode;
