// The error codes a form can answer with. Each is a message key under `validation` in the
// catalogs (app/i18n/locales/nb/index.ts checks that every code has a message and nothing else
// is there), so a code without a message, or a typo, fails the type check.

/** The pseudonym field (app/features/members/pseudonym.ts). */
export type PseudonymError =
  | "pseudonym.required"
  | "pseudonym.tooShort"
  | "pseudonym.tooLong"
  | "pseudonym.invisible"
  | "pseudonym.characters"
  | "pseudonym.tooManyMarks";

/** Passphrases (app/features/members/passphrase.ts). */
export type PassphraseError =
  | "passphrase.required"
  | "passphrase.tooShort"
  | "passphrase.tooLong"
  | "passphrase.common"
  | "passphrase.samePseudonym";

/** Any field. "invalid" is also what a value the schema gave no message for becomes. */
type GeneralError = "invalid" | "required" | "tooLong";

type MemberError =
  | "members.codeRequired"
  | "members.codeUnusable"
  | "members.pseudonymTaken"
  | "members.currentPassphraseWrong"
  | "members.signInFailed"
  | "members.resetFailed"
  | "members.tooManyAttempts"
  | "members.resetCodeRequired";

type ActivityAnswerError =
  | "activities.chooseAnswer"
  | "activities.noteTooLong"
  | "activities.noteCharacters"
  | "activities.closed"
  | "activities.cancelled";

type SafetyError = "safety.confirmDelete";

type StaffError =
  | "staff.signInFailed"
  | "staff.tooManyAttempts"
  | "staff.codeFailed"
  | "staff.invalidDate"
  | "staff.invalidTime"
  | "staff.nonexistentTime"
  | "staff.ambiguousTime"
  | "staff.endBeforeStart"
  | "staff.deadlineAfterStart"
  | "staff.capacityNumber"
  | "staff.capacityTooSmall"
  | "staff.capacityTooLarge"
  | "staff.languagesRequired"
  | "staff.targetRequired"
  | "staff.repeatUntilBeforeStart"
  | "staff.tooManyOccurrences"
  | "staff.occurrenceTimeInvalid"
  | "staff.changedSinceOpened"
  | "staff.reasonRequired"
  | "staff.slugFormat"
  | "staff.slugTaken"
  | "staff.emailFormat"
  | "staff.emailTaken"
  | "staff.chooseChapter"
  | "staff.inviteCount"
  | "staff.inviteDays"
  | "staff.chooseAudience"
  | "staff.chooseJoinPolicy"
  | "staff.chooseRole";

/** Series, copies and drafts (app/features/activities). */
type StaffSeriesError =
  | "staffSeries.startInPast"
  | "staffSeries.everyDateSkipped"
  | "staffSeries.copySameDate"
  | "staffSeries.chooseScope"
  | "staffSeries.skipReasonRequired"
  | "staffSeries.changedMeanwhile";
/** The interest form (app/features/demand/interest-form.ts). */
type InterestError =
  | "interest.chooseCounty"
  | "interest.municipalityNotInCounty"
  | "interest.chooseAudience"
  | "interest.chooseLanguage"
  | "interest.tooManyAttempts";
/** Cancelling with care (app/features/activities/activity-form.ts). */
type CancelError =
  | "staffNotices.reasonRequired"
  | "staffNotices.reasonTooLong"
  | "staffNotices.confirmRequired"
  | "staffNotices.tooLateToUndo";

/** Invite slips (app/features/members/invite-form.ts). */
type SlipError = "staffSlips.chooseLanguages" | "staffSlips.labelTooLong";

export type ValidationCode =
  | GeneralError
  | MemberError
  | PseudonymError
  | PassphraseError
  | ActivityAnswerError
  | SafetyError
  | StaffError
  | StaffSeriesError
  | InterestError
  | CancelError
  | SlipError;

/** A schema's message, checked: `z.string().min(1, msg("required"))`. */
export const msg = <C extends ValidationCode>(code: C): C => code;

/** A form's errors: a code per field, or under "form" for the form as a whole. */
export type FieldErrors = Record<string, ValidationCode>;
