// The activity form staff use to create, duplicate and edit. Works without JavaScript: every
// field is posted as typed, and the server answers with errors next to the fields.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, TextAreaField, TextField, translateError } from "./forms";
import {
  EDIT_SCOPES,
  REPEATS,
  SPOKEN_LANGUAGES,
  type HolidayDay,
  type SpokenLanguage,
} from "~/features/activities/activity-form";
import { formatOsloDay, isAmbiguousOsloTime, type Fold } from "~/platform/oslo-time";
import { useLocaleTag } from "./ActivityTime";
import type { FieldErrors } from "~/platform/forms";

export interface TargetOption {
  value: string;
  label: string;
}

export interface TargetGroup {
  label: string;
  options: TargetOption[];
}

const FIELD_ORDER = [
  "form",
  "target",
  "title",
  "description",
  "startDate",
  "pastConfirmed",
  "startTime",
  "endDate",
  "endTime",
  "area",
  "address",
  "capacity",
  "deadlineDate",
  "deadlineTime",
  "languages",
  "repeat",
  "repeatUntil",
  "scope",
];

const HOLIDAY_LABELS = {
  christmas: "staffSeries.holidayChristmas",
  easter: "staffSeries.holidayEaster",
  publicHoliday: "staffSeries.holidayPublic",
} as const;

export function StaffActivityForm({
  values,
  errors,
  mode,
  targets,
  submitLabel,
  holidays,
  allowDraft = false,
  seriesDate,
  children,
}: {
  values: Record<string, string>;
  errors?: FieldErrors;
  mode: "new" | "edit";
  /** the groups and chapters a new activity can belong to */
  targets?: TargetGroup[];
  submitLabel: string;
  /** dates of a new series that fall on holidays: each is offered for skipping (ticked) */
  holidays?: HolidayDay[];
  /** offer "Save as draft" beside the submit button */
  allowDraft?: boolean;
  /** for an occurrence of a series, its day (YYYY-MM-DD): the form asks how far an edit reaches */
  seriesDate?: string;
  /** hidden fields, e.g. the sequence the form was opened at */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const ticked = new Set((values.languages ?? "").split(",").filter(Boolean));
  const localeTag = useLocaleTag();
  const askPast = errors?.startDate === "staffSeries.startInPast" || values.pastConfirmed === "on";
  return (
    <Form method="post" className="form staff-activity-form" noValidate>
      <ErrorSummary errors={errors} fieldOrder={FIELD_ORDER} />
      {children}
      {mode === "new" && targets ? (
        <div className={`field${errors?.target ? " field--error" : ""}`}>
          <label htmlFor="field-target" className="field__label">
            {t("staff.activityForm.target")}
          </label>
          {errors?.target ? (
            <p id="field-target-error" className="field__error">
              {translateError(t, errors.target)}
            </p>
          ) : null}
          <select
            id="field-target"
            name="target"
            className="field__input"
            defaultValue={values.target ?? ""}
            aria-invalid={errors?.target ? true : undefined}
            aria-describedby={errors?.target ? "field-target-error" : undefined}
          >
            <option value="">{t("staff.activityForm.chooseTarget")}</option>
            {targets.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      ) : null}

      <TextField
        name="title"
        label={t("staff.activityForm.title")}
        hint={t("staff.activityForm.titleHint")}
        error={errors?.title}
        defaultValue={values.title ?? ""}
        maxLength={120}
        required
      />
      <TextAreaField
        name="description"
        label={t("staff.activityForm.description")}
        error={errors?.description}
        defaultValue={values.description ?? ""}
        rows={5}
      />

      <WhenFields
        which="start"
        legend={t("staff.activityForm.starts")}
        hint={t("staff.activityForm.osloTimeHint")}
        errors={errors}
        values={values}
      />
      {askPast ? (
        <div className="field" id="field-pastConfirmed">
          <label className="staff-checkbox">
            <input type="checkbox" name="pastConfirmed" defaultChecked={values.pastConfirmed === "on"} />
            <span>{t("staffSeries.pastConfirm")}</span>
          </label>
          <p className="field__hint">{t("staffSeries.pastConfirmHint")}</p>
        </div>
      ) : null}
      <WhenFields which="end" legend={t("staff.activityForm.ends")} errors={errors} values={values} />

      <TextField
        name="area"
        label={t("staff.activityForm.area")}
        hint={t("staff.activityForm.areaHint")}
        error={errors?.area}
        defaultValue={values.area ?? ""}
        maxLength={80}
        required
      />
      <TextField
        name="address"
        label={t("staff.activityForm.address")}
        hint={t("staff.activityForm.addressHint")}
        error={errors?.address}
        defaultValue={values.address ?? ""}
        maxLength={300}
      />
      <TextField
        name="capacity"
        inputMode="numeric"
        label={t("staff.activityForm.capacity")}
        hint={t("staff.activityForm.capacityHint")}
        error={errors?.capacity}
        defaultValue={values.capacity ?? ""}
        className="field__input staff-short"
      />

      <fieldset className="staff-when">
        <legend>{t("staff.activityForm.deadline")}</legend>
        <p className="field__hint">{t("staff.activityForm.deadlineHint")}</p>
        <div className="staff-row">
          <TextField
            name="deadlineDate"
            type="date"
            label={t("staff.activityForm.date")}
            error={errors?.deadlineDate}
            defaultValue={values.deadlineDate ?? ""}
          />
          <TextField
            name="deadlineTime"
            type="time"
            label={t("staff.activityForm.time")}
            error={errors?.deadlineTime}
            defaultValue={values.deadlineTime ?? ""}
          />
        </div>
        <FoldChoice
          name="deadlineFold"
          date={values.deadlineDate}
          time={values.deadlineTime}
          value={values.deadlineFold}
        />
      </fieldset>

      <fieldset id="field-languages" className={errors?.languages ? "field--error" : undefined}>
        <legend>{t("staff.activityForm.languages")}</legend>
        {errors?.languages ? <p className="field__error">{translateError(t, errors.languages)}</p> : null}
        <div className="staff-checkbox-grid">
          {(Object.keys(SPOKEN_LANGUAGES) as SpokenLanguage[]).map((code) => (
            <label key={code} className="staff-checkbox" lang={code}>
              <input type="checkbox" name="languages" value={code} defaultChecked={ticked.has(code)} />
              <span>{SPOKEN_LANGUAGES[code]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="staff-checkbox">
        <input type="checkbox" name="interpreter" defaultChecked={values.interpreter === "on"} />
        <span>{t("staff.activityForm.interpreter")}</span>
      </label>

      {mode === "new" ? (
        <fieldset className="staff-when">
          <legend>{t("staff.activityForm.repeat")}</legend>
          <div className="field">
            <label htmlFor="field-repeat" className="field__label">
              {t("staff.activityForm.repeatHow")}
            </label>
            <select id="field-repeat" name="repeat" className="field__input" defaultValue={values.repeat ?? "none"}>
              {REPEATS.map((r) => (
                <option key={r} value={r}>
                  {t(`staff.activityForm.repeatOptions.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            name="repeatUntil"
            type="date"
            label={t("staff.activityForm.repeatUntil")}
            hint={t("staff.activityForm.repeatUntilHint")}
            error={errors?.repeatUntil}
            defaultValue={values.repeatUntil ?? ""}
          />
        </fieldset>
      ) : null}

      {seriesDate ? (
        <fieldset id="field-scope" className={`staff-when${errors?.scope ? " field--error" : ""}`}>
          <legend>{t("staffSeries.scopeLegend")}</legend>
          {errors?.scope ? <p className="field__error">{translateError(t, errors.scope)}</p> : null}
          <p className="field__hint">{t("staffSeries.scopeHint")}</p>
          {EDIT_SCOPES.map((scope) => (
            <label key={scope} className="staff-checkbox">
              <input type="radio" name="scope" value={scope} defaultChecked={(values.scope ?? "this") === scope} />
              <span>
                {scope === "this"
                  ? t("staffSeries.scopeThis", { date: formatOsloDay(seriesDate, localeTag) })
                  : scope === "following"
                    ? t("staffSeries.scopeFollowing")
                    : t("staffSeries.scopeAll")}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}

      {holidays && holidays.length > 0 ? (
        <fieldset className="notice notice--warning staff-holidays" id="field-holidays" tabIndex={-1}>
          <legend>{t("staffSeries.holidaysHeading")}</legend>
          <p>{t("staffSeries.holidaysExplain")}</p>
          {holidays.map((h) => (
            <label key={h.date} className="staff-checkbox">
              <input type="hidden" name="holidaysReviewed" value={h.date} />
              <input type="checkbox" name="skipDates" value={h.date} defaultChecked />
              <span>
                {formatOsloDay(h.date, localeTag)} — {t(HOLIDAY_LABELS[h.period])}
                {h.name ? ` (${h.name})` : ""}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}

      <div className="button-row">
        <button type="submit" className="button" name="intent" value="save">
          {submitLabel}
        </button>
        {allowDraft ? (
          <button type="submit" className="button button--secondary" name="intent" value="draft">
            {t("staffSeries.saveDraft")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

/**
 * On the night the clocks go back, 02:00–02:59 happens twice. The form then asks which one is
 * meant, with summer time (the first) chosen unless staff pick the other.
 */
/** A date and a time in Oslo, and the choice an hour that happens twice needs. */
function WhenFields({
  which,
  legend,
  hint,
  errors,
  values,
}: {
  which: "start" | "end";
  legend: string;
  hint?: string;
  errors?: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const [date, time] = [`${which}Date`, `${which}Time`] as const;
  return (
    <fieldset className="staff-when">
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <div className="staff-row">
        <TextField
          name={date}
          type="date"
          label={t("staff.activityForm.date")}
          error={errors?.[date]}
          defaultValue={values[date] ?? ""}
          required
        />
        <TextField
          name={time}
          type="time"
          label={t("staff.activityForm.time")}
          error={errors?.[time]}
          defaultValue={values[time] ?? ""}
          required
        />
      </div>
      <FoldChoice name={`${which}Fold`} date={values[date]} time={values[time]} value={values[`${which}Fold`]} />
    </fieldset>
  );
}

function FoldChoice({ name, date, time, value }: { name: string; date?: string; time?: string; value?: string }) {
  const { t } = useTranslation();
  if (!date || !time || !isAmbiguousOsloTime(date, time)) return null;
  const chosen: Fold = value === "later" ? "later" : "earlier";
  return (
    <fieldset className="notice notice--warning" id={`field-${name}`}>
      <legend>{t("staff.activityForm.foldQuestion", { time })}</legend>
      {(["earlier", "later"] as const).map((fold) => (
        <label key={fold} className="staff-checkbox">
          <input type="radio" name={name} value={fold} defaultChecked={chosen === fold} />
          <span>{t(`staff.activityForm.fold.${fold}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
