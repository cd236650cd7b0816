// The calendar part of "Min side": make (or replace) the private feed link, choose what the feed
// shows, and how to add it to a calendar app. Works without JavaScript: the forms post to
// /me/calendar, which shows this section on its own page. With JavaScript they post through
// fetchers, so the member stays on the page that embeds it, and a Copy button appears.
//
// The link is stored only as a hash, so it is shown once, right after it is made. Later the
// section says when the current link was made and offers a new one (the old one stops working).
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { useLocaleTag } from "./ActivityTime";
import { CheckboxField } from "./forms";
import { formatOsloDay } from "~/platform/oslo-time";
import type { CalendarSectionData } from "~/features/calendar/calendar-section";

export interface NewCalendarLink {
  https: string;
  webcal: string;
}

/** What POST /me/calendar answers. */
export type CalendarActionData =
  { intent: "link"; newLink: NewCalendarLink } | { intent: "settings"; saved: true } | { intent: "invalid" };

export const CALENDAR_ACTION_PATH = "/me/calendar";

export interface CalendarFeedSectionProps {
  /** loadCalendarSection(db, member) from app/features/calendar/member-calendar.server.ts */
  section: CalendarSectionData;
  /** the answer of a form posted without JavaScript (the /me/calendar page passes its action data) */
  result?: CalendarActionData;
  /** "h1" when the section is the whole page */
  headingLevel?: "h1" | "h2";
}

export function CalendarFeedSection({ section, result, headingLevel = "h2" }: CalendarFeedSectionProps) {
  const { t } = useTranslation();
  const localeTag = useLocaleTag();
  const linkFetcher = useFetcher<CalendarActionData>();
  const settingsFetcher = useFetcher<CalendarActionData>();
  const titleId = useId();
  const Heading = headingLevel;

  const linkResult = linkFetcher.data ?? result;
  const newLink = linkResult?.intent === "link" ? linkResult.newLink : null;
  const settingsResult = settingsFetcher.data ?? result;
  const saved = settingsResult?.intent === "settings";
  const busy = linkFetcher.state !== "idle" || settingsFetcher.state !== "idle";

  return (
    <section className="panel stack calendar-feed" aria-labelledby={titleId}>
      <Heading id={titleId}>{t("calendar.section.title")}</Heading>
      <p>{t("calendar.section.intro")}</p>

      {newLink ? (
        <NewLink link={newLink} />
      ) : section.linkCreatedAt ? (
        <p>
          {t("calendar.section.hasLink", { date: formatOsloDay(section.linkCreatedAt, localeTag) })}{" "}
          {t("calendar.section.lostLink")}
        </p>
      ) : (
        <p>{t("calendar.section.noLink")}</p>
      )}

      <linkFetcher.Form method="post" action={CALENDAR_ACTION_PATH}>
        <input type="hidden" name="intent" value="link" />
        <button
          type="submit"
          className={section.linkCreatedAt || newLink ? "button button--secondary" : "button"}
          disabled={busy}
        >
          {section.linkCreatedAt || newLink ? t("calendar.section.replaceLink") : t("calendar.section.createLink")}
        </button>
      </linkFetcher.Form>

      <settingsFetcher.Form method="post" action={CALENDAR_ACTION_PATH} className="form">
        <input type="hidden" name="intent" value="settings" />
        <fieldset>
          <legend>{t("calendar.section.settingsTitle")}</legend>
          <CheckboxField
            name="discreetTitles"
            label={t("calendar.section.discreetLabel")}
            hint={t("calendar.section.discreetHint")}
            defaultChecked={section.discreetTitles}
          />
          <CheckboxField
            name="allActivities"
            label={t("calendar.section.allLabel")}
            hint={t("calendar.section.allHint")}
            defaultChecked={section.allActivities}
          />
        </fieldset>
        {saved ? (
          <p className="notice notice--success" role="status">
            {t("calendar.section.settingsSaved")}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("calendar.section.saveSettings")}
          </button>
        </div>
      </settingsFetcher.Form>

      <div className="calendar-feed__help">
        <h3>{t("calendar.section.howToTitle")}</h3>
        <dl>
          <dt>{t("calendar.section.appleTitle")}</dt>
          <dd>{t("calendar.section.apple")}</dd>
          <dt>{t("calendar.section.googleTitle")}</dt>
          <dd>{t("calendar.section.google")}</dd>
          <dt>{t("calendar.section.outlookTitle")}</dt>
          <dd>{t("calendar.section.outlook")}</dd>
          <dt>{t("calendar.section.removeTitle")}</dt>
          <dd>{t("calendar.section.remove")}</dd>
        </dl>
        <p className="muted">{t("calendar.section.privacyTip")}</p>
      </div>
    </section>
  );
}

/** The link, shown once: a read-only field anyone can select, and a Copy button with JavaScript. */
export function NewLink({ link, title }: { link: NewCalendarLink; title?: string }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [link.https]);
  return (
    <div className="notice notice--success calendar-link">
      <h3 tabIndex={-1} ref={headingRef}>
        {title ?? t("calendar.section.newLinkTitle")}
      </h3>
      <p>
        <strong>{t("calendar.section.copyNow")}</strong> {t("calendar.section.secret")}
      </p>
      <CopyField value={link.https} label={t("calendar.section.linkLabel")} />
      <p>
        <a className="button button--small" href={link.webcal}>
          {t("calendar.section.openInApp")}
        </a>
      </p>
    </div>
  );
}

function CopyField({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [canCopy, setCanCopy] = useState(false);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  // Only after hydration, and only where the browser allows it (HTTPS or localhost).
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  useEffect(() => setCopyState("idle"), [value]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState("copied");
    } catch {
      inputRef.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <div className="field calendar-link__field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="field__input calendar-link__input"
        type="text"
        readOnly
        value={value}
        spellCheck={false}
        autoComplete="off"
        dir="ltr"
        onFocus={(event) => event.currentTarget.select()}
      />
      {canCopy ? (
        <div>
          <button type="button" className="button button--small" onClick={copy}>
            {t("calendar.section.copy")}
          </button>
        </div>
      ) : null}
      <p role="status" className="calendar-link__status">
        {copyState === "copied"
          ? t("calendar.section.copied")
          : copyState === "failed"
            ? t("calendar.section.copyFailed")
            : ""}
      </p>
    </div>
  );
}
