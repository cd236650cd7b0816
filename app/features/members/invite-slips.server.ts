// The printable slips of a batch: the code and QR code once, the words in each of the batch's one
// or two languages (each in its own direction). The slip texts come from the server's catalogs,
// because the page itself is in the staff member's language, not the slips'.
import { tFor } from "~/i18n/catalogs.server";
import { direction, LOCALE_TAGS, type Locale } from "~/i18n/config";
import { formatOsloDay } from "~/platform/oslo-time";
import { qrCodeDataUrl } from "~/platform/qr-code.server";
import { codeInGroups } from "./staff-member-form";

export interface SlipWords {
  lang: string;
  dir: "ltr" | "rtl";
  heading: string;
  text: string;
  address: string;
  code: string;
  expires: string;
}

/** The slips for codes just made; `origin` is the site's own address (the join page's). */
export async function printableSlips({
  codes,
  languages,
  expiresAt,
  origin,
}: {
  codes: string[];
  languages: Locale[];
  expiresAt: Date;
  origin: string;
}) {
  const words: SlipWords[] = languages.map((locale) => {
    const t = tFor(locale);
    return {
      lang: LOCALE_TAGS[locale],
      dir: direction(locale),
      heading: t("staff.invites.slipHeading"),
      text: t("staff.invites.slipText"),
      address: t("staff.invites.slipAddress"),
      code: t("staff.invites.slipCode"),
      expires: t("staff.invites.slipExpires", { date: formatOsloDay(expiresAt.toISOString(), LOCALE_TAGS[locale]) }),
    };
  });
  const slips = await Promise.all(
    codes.map(async (code) => ({
      code: codeInGroups(code),
      qrCode: await qrCodeDataUrl(`${origin}/join?code=${encodeURIComponent(code)}`),
    })),
  );
  return { joinAddress: `${origin}/join`, words, codes: slips };
}
