// Plain, accessible form parts in the GOV.UK Design System manner: a label, a hint, the error
// right above the input, and an error summary at the top that links to each field.
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "~/i18n/react";
import type { FieldErrors, ValidationCode } from "~/platform/forms";

type Translate = ReturnType<typeof useTranslation>["t"];

/**
 * An error code's message: every code has one under "validation" (tests/types/validation-messages.ts
 * checks it). The key is widened to string here: i18next's key inference over every code is too
 * deep for the type checker once the catalogs grow.
 */
export function translateError(t: Translate, code: ValidationCode): string {
  return (t as unknown as (key: string) => string)(`validation.${code}`);
}

export function ErrorSummary({ errors, fieldOrder }: { errors?: FieldErrors; fieldOrder?: string[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = errors ? Object.entries(errors) : [];
  const ordered = fieldOrder ? entries.sort(([a], [b]) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b)) : entries;
  useEffect(() => {
    if (ordered.length > 0) ref.current?.focus();
  }, [errors]); // eslint-disable-line react-hooks/exhaustive-deps
  if (ordered.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("validation.summaryTitle")}</h2>
      <ul>
        {ordered.map(([field, key]) => (
          <li key={field}>
            {field === "form" ? translateError(t, key) : <a href={`#field-${field}`}>{translateError(t, key)}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ValidationCode;
}

/**
 * Label, hint and error around one input; returns the aria attributes the input needs. Exported
 * for inputs the fields below do not cover (a select, a pair of linked selects).
 */
export function FieldFrame({
  name,
  label,
  hint,
  error,
  children,
}: FieldProps & { children: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t("validation.errorPrefix")} </span>
          {translateError(t, error)}
        </p>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  error,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(aria) => <input name={name} className="field__input" {...aria} {...input} />}
    </FieldFrame>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  error,
  ...input
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(aria) => <textarea name={name} className="field__input" {...aria} {...input} />}
    </FieldFrame>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  ...input
}: Omit<FieldProps, "error"> & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">) {
  const id = `field-${name}`;
  return (
    <div className="field field--checkbox">
      <input id={id} name={name} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
