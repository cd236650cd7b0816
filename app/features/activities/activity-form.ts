// The staff form for an activity: one schema for the fields, then the rules that need more than
// one field (times in Oslo, end after start, deadline before start, repeats). Plain functions,
// no I/O, shared by the server and the form component.
import { z } from "zod";
import { SPOKEN_LANGUAGE_CODES, SPOKEN_LANGUAGES, type SpokenLanguage } from "./spoken-languages";
import { multiLine, singleLine } from "~/platform/form-fields";
import { msg, type FieldErrors } from "~/platform/validation";
import type { StoredActivityFields } from "./activity-row";
import {
  addDaysToDateInput,
  FOLDS,
  formatOsloDateInput,
  formatOsloTimeInput,
  osloFoldOf,
  osloLocalToUtc,
  parseDateInput,
  type Fold,
} from "~/platform/oslo-time";

// Apart, without zod, so the member's activity list can offer them without loading the form's schemas.
export { SPOKEN_LANGUAGE_CODES, SPOKEN_LANGUAGES, type SpokenLanguage };
const LANGUAGE_CODES = Object.keys(SPOKEN_LANGUAGES) as SpokenLanguage[];

/** A room, a hall or a hike: more than this is a typo, not an activity. */
export const CAPACITY_MAX = 500;
/** "Repeat until" makes at most this many occurrences (a year of weekly meetings). */
export const MAX_OCCURRENCES = 52;
export const TITLE_MAX = 120;
export const AREA_MAX = 80;
export const ADDRESS_MAX = 300;
export const DESCRIPTION_MAX = 4000;

export const REPEATS = ["none", "weekly", "biweekly"] as const;
export type Repeat = (typeof REPEATS)[number];
const REPEAT_DAYS: Record<Exclude<Repeat, "none">, number> = { weekly: 7, biweekly: 14 };

const oneLine = (max: number, { required }: { required: boolean }) =>
  z
    .string()
    .optional()
    .transform((v) => singleLine(v ?? ""))
    .pipe(required ? z.string().min(1, msg("required")).max(max, msg("tooLong")) : z.string().max(max, msg("tooLong")));

const date = z
  .string({ required_error: msg("required") })
  .min(1, msg("required"))
  .refine((v) => parseDateInput(v) !== undefined, msg("staff.invalidDate"));
const time = z
  .string({ required_error: msg("required") })
  .min(1, msg("required"))
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg("staff.invalidTime"));
const optionalDate = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? "")
  .refine((v) => v === "" || parseDateInput(v) !== undefined, msg("staff.invalidDate"));
const optionalTime = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? "")
  .refine((v) => v === "" || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), msg("staff.invalidTime"));
const fold = z.enum(FOLDS as [Fold, ...Fold[]]).optional();

/** The fields staff edit on every activity, new or old. */
export const activityFieldsSchema = z.object({
  title: oneLine(TITLE_MAX, { required: true }),
  description: z
    .string()
    .optional()
    .transform((v) => multiLine(v ?? ""))
    .pipe(z.string().max(DESCRIPTION_MAX, msg("tooLong"))),
  startDate: date,
  startTime: time,
  startFold: fold,
  endDate: date,
  endTime: time,
  endFold: fold,
  area: oneLine(AREA_MAX, { required: true }),
  address: oneLine(ADDRESS_MAX, { required: false }).transform((v) => (v === "" ? null : v)),
  capacity: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const typed = v?.trim() ?? "";
      if (typed === "") return null;
      const problem = !/^-?\d{1,9}$/.test(typed)
        ? msg("staff.capacityNumber")
        : Number(typed) < 1
          ? msg("staff.capacityTooSmall")
          : Number(typed) > CAPACITY_MAX
            ? msg("staff.capacityTooLarge")
            : undefined;
      if (!problem) return Number(typed);
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      return z.NEVER;
    }),
  deadlineDate: optionalDate,
  deadlineTime: optionalTime,
  deadlineFold: fold,
  /** comma-joined codes (the route joins the ticked checkboxes, see `languagesFromForm`) */
  languages: z
    .string()
    .optional()
    .transform((v) => [...new Set((v ?? "").split(",").filter(Boolean))])
    .pipe(
      z
        .array(z.string())
        .min(1, msg("staff.languagesRequired"))
        .refine(
          (codes) => codes.every((c) => (LANGUAGE_CODES as string[]).includes(c)),
          msg("staff.languagesRequired"),
        ),
    )
    .transform((codes) => LANGUAGE_CODES.filter((c) => codes.includes(c)).join(",")),
  interpreter: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

/** A new activity: where it belongs, and whether it repeats. */
export const newActivitySchema = activityFieldsSchema.extend({
  /** "chapter:<id>" (the whole chapter), "group:<id>", or "national" (every member; admins only) */
  target: z
    .string({ required_error: msg("staff.targetRequired") })
    .regex(/^((chapter|group):[\w-]{1,64}|national)$/, msg("staff.targetRequired")),
  repeat: z.enum(REPEATS).optional().default("none"),
  repeatUntil: optionalDate,
});

export type HolidayPeriod = "christmas" | "easter" | "publicHoliday";

/** A date of a new series that falls on a holiday (holidays.server.ts finds them). */
export interface HolidayDay {
  /** YYYY-MM-DD in Oslo */
  date: string;
  period: HolidayPeriod;
  /** the holiday's own name ("Første juledag"), when the day is a public holiday */
  name: string | null;
}

/** A ticked checkbox posts "on"; an unticked one posts nothing. */
const tick = z
  .string()
  .optional()
  .transform((v) => v === "on");
/** Comma-joined values of repeated fields (see `joinCheckboxes`): dates or ids. */
const list = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").filter(Boolean).slice(0, 400));

/** The publishing choices of a new activity beyond its fields (see `PublishChoices`). */
export const publishChoicesSchema = z.object({
  intent: z.enum(["save", "draft"]).optional().default("save"),
  pastConfirmed: tick,
  holidaysReviewed: list,
  skipDates: list,
});

/** How far an edit of an occurrence of a series reaches. */
export const EDIT_SCOPES = ["this", "following", "all"] as const;
export type EditScope = (typeof EDIT_SCOPES)[number];

/**
 * An edit: the sequence number the form was opened at, for "changed since you opened it"; for an
 * occurrence of a series also how far it reaches and the sequence of every occurrence
 * ("id:sequence", comma-joined).
 */
export const editActivitySchema = activityFieldsSchema.extend({
  sequence: z
    .string()
    .regex(/^\d{1,9}$/, msg("staff.changedSinceOpened"))
    .transform(Number),
  scope: z.enum(EDIT_SCOPES, { errorMap: () => ({ message: msg("staffSeries.chooseScope") }) }).default("this"),
  seriesSequences: z
    .string()
    .optional()
    .transform((v) => parseSequences(v ?? "")),
  pastConfirmed: tick,
});

/** "id:3,id:0" to { id: 3, … }; anything unreadable is left out (and then counts as changed). */
export function parseSequences(value: string): Record<string, number> {
  const sequences: Record<string, number> = {};
  for (const pair of value.split(",").slice(0, 400)) {
    const match = /^([\w-]{1,64}):(\d{1,9})$/.exec(pair);
    if (match) sequences[match[1]!] = Number(match[2]);
  }
  return sequences;
}

/** The opposite of `parseSequences`, for the hidden field. */
export function formatSequences(occurrences: ReadonlyArray<{ id: string; sequence: number }>): string {
  return occurrences.map((o) => `${o.id}:${o.sequence}`).join(",");
}

/**
 * A start before now is refused unless staff confirm they are recording something that already
 * happened (a walk, a dinner noted afterwards for the report).
 */
export function isPastStartRefused(startsAt: string, now: Date, confirmed: boolean): boolean {
  return !confirmed && Date.parse(startsAt) < now.getTime();
}

export type ActivityFields = z.infer<typeof activityFieldsSchema>;
export type NewActivityForm = z.infer<typeof newActivitySchema>;

/**
 * Checkboxes send one value per ticked box; schemas read one field. This joins the values of
 * `name` with commas (ids and codes never contain one).
 */
export function joinCheckboxes(form: FormData, name: string): FormData {
  const copy = new FormData();
  for (const [key, value] of form.entries()) if (key !== name) copy.append(key, value);
  copy.set(
    name,
    form
      .getAll(name)
      .filter((v): v is string => typeof v === "string")
      .join(","),
  );
  return copy;
}

export function languagesFromForm(form: FormData): FormData {
  return joinCheckboxes(form, "languages");
}

export type Target = { kind: "chapter" | "group"; id: string } | { kind: "national" };

export function parseTarget(target: string): Target {
  if (target === "national") return { kind: "national" };
  const [kind, id] = target.split(":") as ["chapter" | "group", string];
  return { kind, id };
}

export interface ActivityTimes {
  startsAt: string;
  endsAt: string;
  rsvpDeadline: string | null;
}

export type TimesResult = { ok: true; times: ActivityTimes } | { ok: false; errors: FieldErrors };

export type TimeFields = Pick<
  ActivityFields,
  | "startDate"
  | "startTime"
  | "startFold"
  | "endDate"
  | "endTime"
  | "endFold"
  | "deadlineDate"
  | "deadlineTime"
  | "deadlineFold"
>;

/**
 * Oslo wall-clock fields to UTC. A time that does not exist is refused; one that happens twice
 * needs the fold chosen in the form (the form then offers the choice, summer time first).
 */
export function resolveActivityTimes(fields: TimeFields, dayShift = 0): TimesResult {
  const errors: FieldErrors = {};
  const instant = (dateValue: string, timeValue: string, chosen: Fold | undefined, field: string) => {
    const result = osloLocalToUtc(addDaysToDateInput(dateValue, dayShift), timeValue, { prefer: chosen ?? "earlier" });
    if (!result.ok) {
      errors[field] = result.reason === "nonexistent" ? "staff.nonexistentTime" : "staff.invalidTime";
      return undefined;
    }
    if (result.candidates && !chosen) {
      errors[field] = "staff.ambiguousTime";
      return undefined;
    }
    return result.utc;
  };

  const startsAt = instant(fields.startDate, fields.startTime, fields.startFold, "startTime");
  const endsAt = instant(fields.endDate, fields.endTime, fields.endFold, "endTime");
  let rsvpDeadline: string | null = null;
  if (fields.deadlineDate !== "" || fields.deadlineTime !== "") {
    if (fields.deadlineDate === "") errors.deadlineDate = "required";
    else if (fields.deadlineTime === "") errors.deadlineTime = "required";
    else rsvpDeadline = instant(fields.deadlineDate, fields.deadlineTime, fields.deadlineFold, "deadlineTime") ?? null;
  }
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) errors.endTime = "staff.endBeforeStart";
  if (startsAt && rsvpDeadline && Date.parse(rsvpDeadline) > Date.parse(startsAt))
    errors.deadlineTime = "staff.deadlineAfterStart";

  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { ok: false, errors };
  return { ok: true, times: { startsAt, endsAt, rsvpDeadline } };
}

/**
 * Every occurrence of a (possibly repeating) new activity: the same Oslo wall-clock times each
 * week or every other week, up to and including `repeatUntil`, at most MAX_OCCURRENCES.
 */
export function planOccurrences(form: TimeFields & Pick<NewActivityForm, "repeat" | "repeatUntil">): TimesResult & {
  occurrences?: ActivityTimes[];
} {
  const first = resolveActivityTimes(form);
  if (!first.ok) return first;
  if (form.repeat === "none") return { ...first, occurrences: [first.times] };

  if (form.repeatUntil === "") return { ok: false, errors: { repeatUntil: "required" } };
  if (form.repeatUntil < form.startDate) return { ok: false, errors: { repeatUntil: "staff.repeatUntilBeforeStart" } };
  const step = REPEAT_DAYS[form.repeat];
  const occurrences: ActivityTimes[] = [];
  for (let shift = 0; addDaysToDateInput(form.startDate, shift) <= form.repeatUntil; shift += step) {
    if (occurrences.length === MAX_OCCURRENCES)
      return { ok: false, errors: { repeatUntil: "staff.tooManyOccurrences" } };
    // Later occurrences that fall in an autumn double hour take the reading chosen for the first.
    const next = resolveActivityTimes(
      {
        ...form,
        startFold: form.startFold ?? "earlier",
        endFold: form.endFold ?? "earlier",
        deadlineFold: form.deadlineFold ?? "earlier",
      },
      shift,
    );
    if (!next.ok) return { ok: false, errors: { repeatUntil: "staff.occurrenceTimeInvalid" } };
    occurrences.push(next.times);
  }
  return { ...first, occurrences };
}

/** Going answers beyond capacity, after staff lowered it: shown to staff, nobody is moved. */
export function overflowCount(capacity: number | null, goingCount: number): number {
  return capacity === null ? 0 : Math.max(0, goingCount - capacity);
}

/** A stored activity as the form shows it: Oslo dates and times, and which reading of a double hour. */
export function activityToFormValues(a: StoredActivityFields): Record<string, string> {
  const values: Record<string, string> = {
    title: a.title,
    description: a.description,
    startDate: formatOsloDateInput(a.starts_at),
    startTime: formatOsloTimeInput(a.starts_at),
    endDate: formatOsloDateInput(a.ends_at),
    endTime: formatOsloTimeInput(a.ends_at),
    area: a.area,
    address: a.address ?? "",
    capacity: a.capacity === null ? "" : String(a.capacity),
    deadlineDate: a.rsvp_deadline ? formatOsloDateInput(a.rsvp_deadline) : "",
    deadlineTime: a.rsvp_deadline ? formatOsloTimeInput(a.rsvp_deadline) : "",
    languages: a.languages,
    interpreter: a.interpreter_available === 1 ? "on" : "",
  };
  for (const [field, iso] of [
    ["startFold", a.starts_at],
    ["endFold", a.ends_at],
    ["deadlineFold", a.rsvp_deadline],
  ] as const) {
    const fold = iso ? osloFoldOf(iso) : null;
    if (fold) values[field] = fold;
  }
  return values;
}

/** What staff typed, to refill the form after an error found beyond the schema (times, repeats). */
export function typedActivityValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !(key in values)) values[key] = value.slice(0, DESCRIPTION_MAX);
  }
  return values;
}

/**
 * Why staff moved someone on or off an activity. A fixed list, so the audit log holds a code and
 * never free text that could name or describe a member.
 */
export const ANSWER_CHANGE_REASONS = ["member_asked", "extra_place", "not_in_audience", "safety", "other"] as const;
export const answerChangeSchema = z.object({
  intent: z.enum(["promote", "remove"]),
  memberId: z.string().min(1).max(64),
  reason: z.enum(ANSWER_CHANGE_REASONS, { errorMap: () => ({ message: msg("staff.reasonRequired") }) }),
});

/** Staff's reason for cancelling: a sentence members read, not a letter. */
export const CANCEL_REASON_MAX = 300;

const cancelReason = z
  .string({ required_error: msg("staffNotices.reasonRequired") })
  .transform(singleLine)
  .pipe(
    z.string().min(1, msg("staffNotices.reasonRequired")).max(CANCEL_REASON_MAX, msg("staffNotices.reasonTooLong")),
  );

/**
 * Cancelling asks for a reason in plain words and a ticked confirmation, in one form. The same
 * form cancels one date (with its sequence) or this date and the rest of its series.
 */
export const cancelActivitySchema = z.object({
  sequence: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
  reason: cancelReason,
  confirm: z.literal("yes", { errorMap: () => ({ message: msg("staffNotices.confirmRequired") }) }),
});
export const cancelRestSchema = cancelActivitySchema.pick({ reason: true, confirm: true });

/**
 * Skipping dates: a reason is only needed when a ticked date has answers (it is cancelled, and
 * those who answered are told why); the server decides that, so here it may be empty.
 */
export const skipReasonSchema = z.object({
  skipReason: z
    .string()
    .optional()
    .transform((v) => singleLine(v ?? ""))
    .pipe(z.string().max(CANCEL_REASON_MAX, msg("staffNotices.reasonTooLong"))),
});
