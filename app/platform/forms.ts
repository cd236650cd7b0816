// One schema per form; errors are validation codes (translated in the component), keyed by field.
import { z } from "zod";
import type { FieldErrors, ValidationCode } from "./validation";

export type { FieldErrors, ValidationCode };

/**
 * Issues a schema gave no message for (zod's own English sentences) become the code "invalid",
 * shown as before as the general message. Messages the schemas give are checked codes (msg()).
 */
const toCodes: z.ZodErrorMap = (issue, ctx) => {
  // A schema's own error map (z.enum(…, { errorMap })) has already given its message.
  if (ctx.defaultError !== z.defaultErrorMap(issue, ctx).message) return { message: ctx.defaultError };
  return { message: "invalid" };
};

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Reads a form with a schema. Only the fields the schema names are read, each once (the first
 * value wins), so extra or repeated fields (`role`, `memberId`) cannot sneak in.
 */
export function parseForm<S extends z.ZodTypeAny>(
  form: FormData,
  schema: S,
  secretFields: readonly string[] = [],
): FormResult<z.output<S>> {
  const raw: Record<string, string> = {};
  for (const key of fieldNames(schema)) {
    const value = form.get(key);
    if (typeof value === "string") raw[key] = value;
  }
  const result = schema.safeParse(raw, { errorMap: toCodes });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    // Every message is a code: the schemas' own are typed with msg(), the rest come from toCodes.
    errors[field] ??= issue.message as ValidationCode;
  }
  return { ok: false, errors, values: keepTyped(raw, secretFields) };
}

/** The field names of an object schema, also when wrapped in refinements. */
function fieldNames(schema: z.ZodTypeAny): string[] {
  let inner: z.ZodTypeAny = schema;
  while (inner instanceof z.ZodEffects) inner = inner.innerType();
  if (!(inner instanceof z.ZodObject)) throw new Error("parseForm needs an object schema");
  return Object.keys(inner.shape);
}

/** What the person typed, minus secrets, to refill the form after an error. */
export function keepTyped(raw: Record<string, string>, secretFields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (!secretFields.includes(k)) values[k] = v.slice(0, 5000);
  return values;
}
