import { localeFromRequest } from "~/i18n/locale.server";
import { tFor } from "~/i18n/config";

/** The language and translator for this request. */
export function translatorFor(request: Request) {
  const locale = localeFromRequest(request);
  return { locale, t: tFor(locale) };
}
