// When an activity happens, as a clock in Oslo shows it, in the reader's language. The server's
// own time zone never matters: every format names Europe/Oslo.
import { useTranslation } from "~/i18n/react";
import { isLocale, FORMAT_TAGS, DEFAULT_LOCALE } from "~/i18n/config";
import { dateTimeFormat } from "~/i18n/intl";

const OSLO_DAY_AND_TIME: Intl.DateTimeFormatOptions = {
  timeZone: "Europe/Oslo",
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
  // The 24-hour clock of Norway in every language; it also keeps Arabic and Urdu ranges free of
  // AM/PM, which Node's and Chromium's ICU space differently.
  hourCycle: "h23",
};

/** "tirsdag 1. desember, 18:00–20:00"; a range over two days names both days. */
export function formatActivityTime(localeTag: string, startsAt: string, endsAt?: string): string {
  const format = dateTimeFormat(localeTag, OSLO_DAY_AND_TIME);
  const text = endsAt ? format.formatRange(new Date(startsAt), new Date(endsAt)) : format.format(new Date(startsAt));
  // Node puts thin spaces around the dash of a range over two days, Chromium plain ones: the
  // server's text must be the browser's, or hydration fails.
  return text.replace(/[\u2009\u202f]/g, " ");
}

/** The tag to format dates and names with for the language the page is shown in. */
export function useLocaleTag(): string {
  const { i18n } = useTranslation();
  return FORMAT_TAGS[isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE];
}

export function ActivityTime({ startsAt, endsAt }: { startsAt: string; endsAt?: string }) {
  const tag = useLocaleTag();
  return <time dateTime={startsAt}>{formatActivityTime(tag, startsAt, endsAt)}</time>;
}
