// The group form: name, description, audience and how people join. The chapter is chosen only
// when the group is new; it never changes afterwards.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, TextAreaField, TextField } from "./forms";
import type { FieldErrors } from "~/platform/forms";

export function StaffGroupForm({
  values,
  errors,
  chapters,
  submitLabel,
}: {
  values: Record<string, string>;
  errors?: FieldErrors;
  /** only for a new group */
  chapters?: Array<{ value: string; label: string }>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="form" noValidate>
      <ErrorSummary errors={errors} fieldOrder={["chapter", "name", "description", "audience", "joinPolicy"]} />
      {chapters ? (
        <div className="field">
          <label htmlFor="field-chapter" className="field__label">
            {t("staff.groups.chapter")}
          </label>
          <select id="field-chapter" name="chapter" className="field__input" defaultValue={values.chapter ?? ""}>
            <option value="">—</option>
            {chapters.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <TextField
        name="name"
        label={t("staff.groups.name")}
        error={errors?.name}
        defaultValue={values.name ?? ""}
        maxLength={80}
        required
      />
      <TextAreaField
        name="description"
        label={t("staff.groups.description")}
        error={errors?.description}
        defaultValue={values.description ?? ""}
        rows={4}
      />
      <fieldset id="field-audience">
        <legend>{t("staff.groups.audience")}</legend>
        {(["women", "men", "everyone"] as const).map((a) => (
          <label key={a} className="staff-checkbox">
            <input type="radio" name="audience" value={a} defaultChecked={values.audience === a} />
            <span>{t(`staff.groups.audienceOptions.${a}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset id="field-joinPolicy">
        <legend>{t("staff.groups.joinPolicy")}</legend>
        {(["open", "approval"] as const).map((p) => (
          <label key={p} className="staff-checkbox">
            <input type="radio" name="joinPolicy" value={p} defaultChecked={values.joinPolicy === p} />
            <span>{t(`staff.joinPolicy.${p}`)}</span>
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" className="button" name="intent" value="save">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
