// "Would you like a network where you live?": a public page that counts a wish per month, and
// nothing about who made it (app/features/demand/interest.server.ts).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, FieldFrame, translateError } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import {
  AUDIENCES,
  countyChoices,
  findCounty,
  findMunicipality,
  interestSchema,
} from "~/features/demand/interest-form";
import { recordInterest } from "~/features/demand/interest.server";
import { formatMonth } from "~/features/demand/months";
import { getViewer } from "~/features/sessions/viewer.server";
import { FORMAT_TAGS, LOCALE_NAMES, LOCALES } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { clientAddress, retryAfterHeaders } from "~/platform/rate-limit.server";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  return { counties: countyChoices(), signedInMember: viewer.kind === "member" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const parsed = parseForm(form, interestSchema());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, stored: null }, { status: 400 });

  const result = await recordInterest(db(), { client: clientAddress(context) }, { interest: parsed.data });
  if (!result.ok) {
    return data(
      { errors: { form: "interest.tooManyAttempts" } as FieldErrors, values: rawValues(parsed.data), stored: null },
      { status: 429, headers: retryAfterHeaders(result.retryAfterSeconds) },
    );
  }
  // Shown in this one answer (the address stays /interest, so the browser history shows no place).
  const interest = parsed.data;
  return data({
    errors: null,
    values: null,
    stored: {
      county: findCounty(interest.countyNumber)?.name ?? "",
      municipality: interest.municipalityNumber ? (findMunicipality(interest.municipalityNumber)?.name ?? "") : "",
      audience: interest.audience,
      language: interest.language,
      month: formatMonth(result.month, FORMAT_TAGS[localeFromRequest(request)]),
    },
  });
}

export default function Interest() {
  const { counties, signedInMember } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  if (actionData?.stored) return <Thanks stored={actionData.stored} signedInMember={signedInMember} />;
  return (
    <InterestForm
      key={actionData ? "answered" : "new"}
      counties={counties}
      signedInMember={signedInMember}
      errors={actionData?.errors ?? undefined}
      values={actionData?.values ?? {}}
      t={t}
    />
  );
}

function rawValues(interest: {
  countyNumber: string;
  municipalityNumber: string;
  audience: string;
  language: string;
}): Record<string, string> {
  return {
    county: interest.countyNumber,
    municipality: interest.municipalityNumber,
    audience: interest.audience,
    language: interest.language,
  };
}

type Counties = ReturnType<typeof countyChoices>;

function InterestForm({
  counties,
  signedInMember,
  errors,
  values,
  t,
}: {
  counties: Counties;
  signedInMember: boolean;
  errors?: FieldErrors;
  values: Record<string, string>;
  t: ReturnType<typeof useTranslation>["t"];
}) {
  const navigation = useNavigation();
  const [county, setCounty] = useState(values.county ?? "");
  const chosen = counties.find((c) => c.number === county);
  // Without JavaScript every county's municipalities are listed, grouped; with it (or after an
  // answer that named a county) only the chosen county's.
  const groups = chosen ? [chosen] : counties;
  const submitting = navigation.state === "submitting";
  return (
    <section className="panel stack" aria-labelledby="interest-title">
      <h1 id="interest-title">{t("interest.title")}</h1>
      <p className="lead">{t("interest.intro")}</p>
      {signedInMember ? <p className="notice">{t("interest.memberNote")}</p> : null}
      <ErrorSummary errors={errors} fieldOrder={["county", "municipality", "audience", "language"]} />
      <Form method="post" className="form" noValidate>
        <FieldFrame
          name="county"
          label={t("interest.countyLabel")}
          hint={t("interest.countyHint")}
          error={errors?.county}
        >
          {(aria) => (
            <select
              name="county"
              className="field__input"
              {...aria}
              value={county}
              onChange={(event) => setCounty(event.currentTarget.value)}
            >
              <option value="">{t("interest.countyChoose")}</option>
              {counties.map((c) => (
                <option key={c.number} value={c.number}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <FieldFrame
          name="municipality"
          label={t("interest.municipalityLabel")}
          hint={t("interest.municipalityHint")}
          error={errors?.municipality}
        >
          {(aria) => (
            <select
              key={chosen?.number ?? "all"}
              name="municipality"
              className="field__input"
              {...aria}
              defaultValue={chosen && values.county === chosen.number ? (values.municipality ?? "") : ""}
            >
              <option value="">{t("interest.municipalityNone")}</option>
              {groups.map((c) => (
                <optgroup key={c.number} label={c.name}>
                  {c.municipalities.map((m) => (
                    <option key={m.number} value={m.number}>
                      {m.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </FieldFrame>
        <fieldset
          id="field-audience"
          className={errors?.audience ? "field field--error" : "field"}
          aria-describedby={errors?.audience ? "field-audience-error" : undefined}
        >
          <legend>{t("interest.audienceLabel")}</legend>
          {errors?.audience ? (
            <p id="field-audience-error" className="field__error">
              <span className="visually-hidden">{t("validation.errorPrefix")} </span>
              {translateError(t, errors.audience)}
            </p>
          ) : null}
          {AUDIENCES.map((a) => (
            <label key={a} className="choice">
              <input type="radio" name="audience" value={a} defaultChecked={values.audience === a} />
              <span>{t(`interest.audience_${a}`)}</span>
            </label>
          ))}
        </fieldset>
        <FieldFrame
          name="language"
          label={t("interest.languageLabel")}
          hint={t("interest.languageHint")}
          error={errors?.language}
        >
          {(aria) => (
            <select name="language" className="field__input" {...aria} defaultValue={values.language ?? ""}>
              <option value="">{t("interest.languageNone")}</option>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <div className="notice">
          <h2 className="notice__title">{t("interest.whatWeKeepTitle")}</h2>
          <p>{t("interest.whatWeKeep")}</p>
        </div>
        <div>
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? t("interest.submitting") : t("interest.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function Thanks({
  stored,
  signedInMember,
}: {
  stored: { county: string; municipality: string; audience: string; language: string; month: string };
  signedInMember: boolean;
}) {
  const { t } = useTranslation();
  const language = LOCALES.find((l) => l === stored.language);
  return (
    <section className="panel stack" aria-labelledby="thanks-title">
      <h1 id="thanks-title">{t("interest.thanksTitle")}</h1>
      <p>{t("interest.thanksStored")}</p>
      <dl className="facts-list">
        <dt>{t("interest.thanksCounty")}</dt>
        <dd>{stored.county}</dd>
        <dt>{t("interest.thanksMunicipality")}</dt>
        <dd>{stored.municipality || t("interest.thanksNone")}</dd>
        <dt>{t("interest.thanksAudience")}</dt>
        <dd>{t(`interest.audience_${stored.audience as "women" | "men" | "everyone"}`)}</dd>
        <dt>{t("interest.thanksLanguage")}</dt>
        <dd>{language ? <span lang={language}>{LOCALE_NAMES[language]}</span> : t("interest.thanksNone")}</dd>
        <dt>{t("interest.thanksMonth")}</dt>
        <dd>{stored.month}</dd>
      </dl>
      <p>{t("interest.thanksNothingElse")}</p>
      {signedInMember ? <p>{t("interest.thanksMember")}</p> : null}
      <div className="button-row">
        <Link className="button button--secondary" to="/interest" reloadDocument>
          {t("interest.again")}
        </Link>
        <Link className="button button--secondary" to="/">
          {t("interest.home")}
        </Link>
      </div>
    </section>
  );
}

export { keepRetryAfter as headers } from "~/platform/rate-limit.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("interest.meta.page"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
