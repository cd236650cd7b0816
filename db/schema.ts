// The Database interface Kysely checks every query against. One interface per table.
// Times are UTC ISO-8601 strings (`2026-11-26T12:00:00.000Z`); booleans are 0/1 integers
// so the same schema works on SQLite and PostgreSQL.
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type Audience = "women" | "men" | "everyone";
export type JoinPolicy = "open" | "approval";
export type StaffRole = "admin" | "coordinator";
export type ActivityStatus = "scheduled" | "cancelled";
export type RsvpStatus = "going" | "waitlisted" | "not_going";
export type MembershipStatus = "active" | "requested";
/** when a member wants a reminder of an activity she is going to */
export type ReminderChoice = "none" | "day_before" | "two_hours";

export interface ChapterTable {
  id: string;
  slug: string;
  name: string;
  region: string;
  created_at: string;
  updated_at: string;
}

export interface GroupTable {
  id: string;
  /** null for a national/online group that belongs to no chapter */
  chapter_id: string | null;
  name: string;
  description: string;
  audience: Audience;
  join_policy: JoinPolicy;
  created_at: string;
  updated_at: string;
}

export interface StaffUserTable {
  id: string;
  /** lower-cased; staff are employees, so an e-mail address is fine here (never for members) */
  email: string;
  display_name: string;
  role: StaffRole;
  password_hash: string;
  /** base32 TOTP secret; null until set up at first sign-in */
  totp_secret: string | null;
  /** the last accepted TOTP time step, so each code is accepted once */
  totp_last_step: number | null;
  deactivated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffChapterTable {
  staff_id: string;
  chapter_id: string;
}

export interface MemberTable {
  id: string;
  /** NFC-normalised, as the member typed it */
  pseudonym: string;
  /** case- and look-alike-insensitive confusables skeleton (`pseudonymKey`); unique */
  pseudonym_key: string;
  /** case-insensitive only (`pseudonymCaseKey`); unique; sign-in tries it first */
  pseudonym_case_key: string;
  passphrase_hash: string;
  chapter_id: string;
  locale: string | null;
  /** calendar feed setting: neutral titles and no descriptions */
  discreet_titles: Generated<number>;
  /** calendar feed setting: include all upcoming activities of the member's groups */
  feed_all_group_activities: Generated<number>;
  /** a day (YYYY-MM-DD), not a time: staff only need to know who is still around */
  last_active_on: string | null;
  /** "day_before" unless she chose otherwise on My page */
  reminder: Generated<ReminderChoice>;
  deactivated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface GroupMembershipTable {
  member_id: string;
  group_id: string;
  status: MembershipStatus;
  created_at: string;
}

export interface InviteTable {
  id: string;
  code_hash: string;
  chapter_id: string;
  created_by_staff_id: string | null;
  expires_at: string;
  revoked_at: string | null;
  used_at: string | null;
  /** no link to the member who used it: an invite slip must not be traceable to a pseudonym */
  created_at: string;
  /** the batch it was made in; null for invites made before batches */
  batch_id: string | null;
}

/** Invites made together: a staff label (never printed) and the slips' one or two languages. */
export interface InviteBatchTable {
  id: string;
  chapter_id: string;
  label: string | null;
  /** comma-joined locale codes, one or two */
  languages: string;
  created_by_staff_id: string | null;
  created_at: string;
}

export interface InviteGroupTable {
  invite_id: string;
  group_id: string;
}

export interface RecoveryCodeTable {
  id: string;
  member_id: string | null;
  staff_id: string | null;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface ResetCodeTable {
  id: string;
  member_id: string;
  code_hash: string;
  created_by_staff_id: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface ActivityTable {
  id: string;
  /** null for a national activity */
  chapter_id: string | null;
  /** null: open to the whole chapter (or, with chapter_id null, to everyone) */
  group_id: string | null;
  /**
   * activities created together by "repeat weekly" share a series id; each row is one occurrence,
   * edited alone or with the following ones (docs/decisions/032)
   */
  series_id: string | null;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  /** public: a district or town, shown to everyone who may see the activity */
  area: string;
  /** private: shown only to members who are going, and to staff */
  address: string | null;
  capacity: number | null;
  rsvp_deadline: string | null;
  /** comma-separated language codes, e.g. "nb,en,ar" */
  languages: string;
  interpreter_available: Generated<number>;
  status: ActivityStatus;
  cancelled_at: string | null;
  /** staff's reason in plain words, shown to members with the cancellation; staff text, never member text */
  cancel_reason: string | null;
  /** grows on every change; calendars need it (RFC 5545 SEQUENCE) */
  sequence: Generated<number>;
  created_by_staff_id: string | null;
  /** 1: saved but not published; only staff see it (members, counts and feeds do not) */
  draft: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RsvpTable {
  id: string;
  activity_id: string;
  member_id: string;
  status: RsvpStatus;
  /** order of arrival per activity; the waitlist is promoted in this order */
  arrival: number;
  /** note to staff, visible only to staff */
  note: string | null;
  show_pseudonym: Generated<number>;
  /** 1: she asked to be met at the door (or at meet_place) */
  meet_at_door: Generated<number>;
  /** member free text (short): where to meet her; only she and the chapter's staff see it; never logged */
  meet_place: string | null;
  /** the staff member who will meet her */
  meet_staff_id: string | null;
  /** when staff last read her note; null or older than updated_at of the note: unread */
  note_seen_at: string | null;
  /** set while a freed place is offered to this waitlisted answer: until then it holds the place */
  offer_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A staff reply to a member's note on her answer; only she and the chapter's staff see it. */
export interface AnswerReplyTable {
  id: string;
  rsvp_id: string;
  staff_id: string | null;
  body: string;
  created_at: string;
}

/** What staff wrote to everyone going to an activity; each member's notice points here by id. */
export interface StaffMessageTable {
  id: string;
  activity_id: string;
  body: string;
  sent_by: string | null;
  /** 1: it went to the waitlisted and offered too */
  include_waitlist: Generated<number>;
  created_at: string;
}

export interface SessionTable {
  id: string;
  /** SHA-256 of the 256-bit session id in the cookie; the id itself is never stored */
  id_hash: string;
  member_id: string | null;
  staff_id: string | null;
  /** 1: "my own device" (long-lived cookie); 0: shared device (browser-session cookie) */
  persistent: Generated<number>;
  /** staff sessions are half-open until the second factor is given */
  second_factor_at: string | null;
  created_at: string;
  last_seen_at: string;
  idle_timeout_seconds: number;
  expires_at: string;
}

export interface FeedTokenTable {
  id: string;
  token_hash: string;
  member_id: string | null;
  staff_id: string | null;
  /** staff feeds are per chapter */
  chapter_id: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_staff_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  /** the chapter the object belongs to, for the log's chapter filter; null for national objects */
  chapter_id: Generated<string | null>;
  /** JSON; never secrets and never free text typed by members */
  details: string | null;
}

export interface RateLimitTable {
  /** keyed hash of what is limited (an account, a client address, a token) */
  key: string;
  window_start: string;
  count: number;
}

export interface AppSecretTable {
  /** what the secret is for, e.g. "rate-limit" */
  name: string;
  value: string;
  created_at: string;
}

export interface AnonymousAttendanceTable {
  activity_id: string;
  /** "going" answers of accounts deleted after the activity ended; no link to who they were */
  going_count: Generated<number>;
  /** check-ins ("came") of accounts deleted since */
  came_count: Generated<number>;
  /** of those, the ones who had also answered "going" */
  came_of_going_count: Generated<number>;
}

export interface CheckInTable {
  activity_id: string;
  member_id: string;
  checked_in_at: string;
}

export interface WalkInCountTable {
  activity_id: string;
  /** people without an account who came; a number only */
  count: Generated<number>;
}

/** For a day after a join: which member an invite made, so the join can be repeated (then deleted). */
export interface JoinReceiptTable {
  invite_id: string;
  member_id: string;
  expires_at: string;
}

export interface HealthProbeTable {
  /** always 1: one row, rewritten by the health check */
  id: number;
  written_at: string;
}

/** Scheduled work, claimed with a lease (app/features/jobs). */
export interface JobTable {
  id: string;
  kind: string;
  /** unique: enqueueing the same key again makes no second job */
  key: string;
  run_at: string;
  /** JSON of ids only */
  payload: string;
  /** the scheduler instance that holds the job, until lease_until */
  lease_owner: string | null;
  lease_until: string | null;
  attempts: Generated<number>;
  done_at: string | null;
  /** an error code, never a message */
  last_error: string | null;
  created_at: string;
}

/** A device (one browser) a member chose to receive push notifications on. */
export interface PushSubscriptionTable {
  id: string;
  member_id: string;
  /** the push service's address for this browser: a secret, never logged */
  endpoint: string;
  /** the browser's public key and auth secret (RFC 8291), base64url */
  p256dh: string;
  auth: string;
  /** 1: this device shows a short detail line; 0 (default): only the neutral line */
  show_details: Generated<number>;
  created_at: string;
  /** the last time the device's page confirmed it still holds the subscription */
  last_seen_at: string;
}

/** Wishes for a network where none exists yet, counted per month; nothing names or times a person. */
export interface InterestCountTable {
  /** "2026-12", the month in Oslo */
  month: string;
  county_number: string;
  /** "" when none was chosen */
  municipality_number: string;
  audience: Audience;
  /** a language code of the app, or "" when none was chosen */
  language: string;
  count: number;
}

/**
 * What a notice is about. Member-facing text comes from the catalogs (notices.ts) by kind; the
 * params fill in ids and times only.
 */
export type NoticeKind =
  | "promoted"
  | "offered"
  | "offer_expired"
  | "changed"
  | "cancelled"
  | "restored"
  | "reminder"
  | "staff_message"
  | "staff_reply";

export interface NoticeTable {
  id: string;
  member_id: string;
  kind: NoticeKind;
  /** null when it is about no activity, or the activity was deleted */
  activity_id: string | null;
  /** JSON object of ids, ISO times and enums only; never text a member typed */
  params: Generated<string>;
  created_at: string;
  read_at: string | null;
}

/** One row per reminder sent: the key that makes it exactly one per activity and member. */
export interface ReminderSendTable {
  activity_id: string;
  member_id: string;
  sent_at: string;
}

/** What a cancellation kept so an undo can restore it: every answer (JSON of ids, statuses, order). */
export interface CancellationSnapshotTable {
  activity_id: string;
  cancelled_at: string;
  cancelled_by_staff_id: string | null;
  answers: string;
}

export interface Database {
  chapters: ChapterTable;
  groups: GroupTable;
  staff_users: StaffUserTable;
  staff_chapters: StaffChapterTable;
  members: MemberTable;
  group_memberships: GroupMembershipTable;
  invites: InviteTable;
  invite_groups: InviteGroupTable;
  invite_batches: InviteBatchTable;
  recovery_codes: RecoveryCodeTable;
  reset_codes: ResetCodeTable;
  activities: ActivityTable;
  rsvps: RsvpTable;
  answer_replies: AnswerReplyTable;
  staff_messages: StaffMessageTable;
  sessions: SessionTable;
  feed_tokens: FeedTokenTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitTable;
  app_secrets: AppSecretTable;
  anonymous_attendance: AnonymousAttendanceTable;
  join_receipts: JoinReceiptTable;
  health_probe: HealthProbeTable;
  jobs: JobTable;
  push_subscriptions: PushSubscriptionTable;
  check_ins: CheckInTable;
  walk_in_counts: WalkInCountTable;
  interest_counts: InterestCountTable;
  notices: NoticeTable;
  reminder_sends: ReminderSendTable;
  cancellation_snapshots: CancellationSnapshotTable;
}

export type Chapter = Selectable<ChapterTable>;
export type NewChapter = Insertable<ChapterTable>;
export type Group = Selectable<GroupTable>;
export type NewGroup = Insertable<GroupTable>;
export type StaffUser = Selectable<StaffUserTable>;
export type NewStaffUser = Insertable<StaffUserTable>;
export type Member = Selectable<MemberTable>;
export type NewMember = Insertable<MemberTable>;
export type Invite = Selectable<InviteTable>;
export type Activity = Selectable<ActivityTable>;
export type NewActivity = Insertable<ActivityTable>;
export type ActivityUpdate = Updateable<ActivityTable>;
export type Rsvp = Selectable<RsvpTable>;
export type AnswerReply = Selectable<AnswerReplyTable>;
export type Session = Selectable<SessionTable>;
export type FeedToken = Selectable<FeedTokenTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Job = Selectable<JobTable>;
export type PushSubscriptionRow = Selectable<PushSubscriptionTable>;

export type CheckIn = Selectable<CheckInTable>;
export type InterestCount = Selectable<InterestCountTable>;
export type Notice = Selectable<NoticeTable>;
