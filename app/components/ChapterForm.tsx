// The chapter form (name, address slug, region), for a new chapter and for changing one.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, TextField } from "./forms";
import type { FieldErrors } from "~/platform/forms";

export function ChapterForm({
  values,
  errors,
  submitLabel,
  intent,
}: {
  values: Record<string, string>;
  errors?: FieldErrors;
  submitLabel: string;
  /** the submit button's intent, where the page has more than one form */
  intent?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorSummary errors={errors} fieldOrder={["name", "slug", "region"]} />
      <Form method="post" className="form" noValidate>
        <TextField
          name="name"
          label={t("staff.chapters.name")}
          error={errors?.name}
          defaultValue={values.name ?? ""}
          required
        />
        <TextField
          name="slug"
          label={t("staff.chapters.slug")}
          hint={t("staff.chapters.slugHint")}
          error={errors?.slug}
          defaultValue={values.slug ?? ""}
          required
        />
        <TextField
          name="region"
          label={t("staff.chapters.region")}
          error={errors?.region}
          defaultValue={values.region ?? ""}
          required
        />
        <div>
          <button type="submit" className="button" name={intent ? "intent" : undefined} value={intent}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
