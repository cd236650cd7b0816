// Activities -> iCalendar text (RFC 5545) with ical-generator 10.
//
// What ical-generator does NOT escape: the calendar name and description, URLs and event UIDs.
// So none of those ever carries text a person typed: the name comes from CALENDAR_NAME (escaped
// here anyway), there is no description or URL, and UIDs are built from random ids. Titles,
// descriptions and places go into SUMMARY/DESCRIPTION/LOCATION, which ical-generator escapes
// (a CR or LF becomes "\n"), so a hostile title cannot start a new property or component.
//
// Output is a pure function of the rows: no "now", no random values, DTSTAMP and LAST-MODIFIED
// from the rows' own change times. Unchanged data gives byte-identical text.
//
// ical-generator writes the calendar's properties and each event (escaping, dates); we assemble
// them and fold the lines ourselves, because ical-generator's foldLines encodes every character
// with a new TextEncoder and takes about 1.5 s for a 1,000-event feed (ours: milliseconds).
import ical, { ICalEventClass, ICalEventStatus, ICalEventTransparency, type ICalCalendar } from "ical-generator";
import { createHash } from "node:crypto";
import type { ActivityStatus } from "../../../db/schema";
import { type Locale } from "~/i18n/config";
import { tFor } from "~/i18n/catalogs.server";
import { wallClock, type WallClock } from "~/platform/oslo-time";
import { ZoneTable } from "./vtimezone.server";

export const FEED_TIME_ZONE = "Europe/Oslo";

/** UIDs are "<activity id>@<this>": constant, neutral, and in a domain that can never exist. */
const UID_HOST = "kalender.invalid";

/** Calendar apps may ask every hour; our 304 answers are cheap. */
const REFRESH_SECONDS = 60 * 60;

/** Bump when the output format changes, so cached copies and ETags change with it. */
export const FEED_FORMAT_VERSION = 2;

/** "offered": on the waitlist and holding an offer of a place (TENTATIVE, like the waitlist). */
export type MemberAnswer = "going" | "offered" | "waitlisted" | null;

export interface FeedActivity {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  area: string;
  /** the exact place; the queries give it only to members who are going, and to staff */
  address: string | null;
  status: ActivityStatus;
  sequence: number;
  /** the later of the activity's and (in member feeds) the member's own answer's change time */
  changedAt: string;
  /** member feeds: the member's own answer (null: has not answered); staff feeds: undefined */
  answer?: MemberAnswer;
}

export interface FeedPresentation {
  audience: "member" | "staff";
  locale: Locale;
  /** every title becomes the neutral one, with no description */
  discreetTitles: boolean;
  calendarName: string;
}

/**
 * An instant that ical-generator writes as the wall-clock time of a given zone, whatever the
 * process time zone is. ical-generator 10 recognises this shape (it is the shape of
 * @date-fns/tz's TZDate: a Date with `internal`, `withTimeZone` and `tzComponents`): for
 * DTSTART;TZID=… it calls withTimeZone(zone) and reads the local getters of the result, which
 * here come from Intl, not from the server's zone.
 */
class ZonedInstant extends Date {
  readonly internal: Date;
  readonly timeZone: string;
  private readonly clock: (epochMs: number) => WallClock;
  private components?: WallClock;

  constructor(
    epochMs: number,
    timeZone: string,
    clock: (epochMs: number) => WallClock = (ms) => wallClock(timeZone, ms),
  ) {
    super(epochMs);
    this.internal = new Date(epochMs);
    this.timeZone = timeZone;
    this.clock = clock;
  }

  withTimeZone(zone?: string | null): ZonedInstant {
    return !zone || zone === this.timeZone ? this : new ZonedInstant(this.getTime(), zone);
  }

  tzComponents(): WallClock {
    this.components ??= this.clock(this.getTime());
    return this.components;
  }

  override getFullYear() {
    return this.tzComponents().year;
  }
  override getMonth() {
    return this.tzComponents().month - 1;
  }
  override getDate() {
    return this.tzComponents().day;
  }
  override getHours() {
    return this.tzComponents().hour;
  }
  override getMinutes() {
    return this.tzComponents().minute;
  }
  override getSeconds() {
    return this.tzComponents().second;
  }
}

/** Text for properties ical-generator writes as given (the calendar name): RFC 5545 §3.3.11. */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

function uidFor(activityId: string): string {
  // Our ids are UUIDs; anything else is hashed so it can never break the line it is written on.
  const safe = /^[A-Za-z0-9-]{1,64}$/.test(activityId)
    ? activityId
    : createHash("sha256").update(activityId).digest("hex");
  return `${safe}@${UID_HOST}`;
}

export type EventStatus = "CONFIRMED" | "TENTATIVE" | "CANCELLED";

/**
 * RFC 5545 STATUS: cancelled activities are CANCELLED (so calendars strike or drop them);
 * in a member's feed "going" is CONFIRMED, and an offered place, the waitlist and unanswered
 * activities (shown when the member asked for all of them) are TENTATIVE. Staff see activities as CONFIRMED.
 */
export function eventStatus(
  activity: Pick<FeedActivity, "status" | "answer">,
  audience: FeedPresentation["audience"],
): EventStatus {
  if (activity.status === "cancelled") return "CANCELLED";
  if (audience === "staff" || activity.answer === "going") return "CONFIRMED";
  return "TENTATIVE";
}

/**
 * Where the event is: the exact address only for members who are going (and staff), and never
 * for a cancelled activity; otherwise the area. With discreet titles, only the address, and only
 * because a member who is going needs it to get there.
 */
function locationFor(activity: FeedActivity, p: FeedPresentation): string | null {
  const mayShowAddress = activity.status !== "cancelled" && (p.audience === "staff" || activity.answer === "going");
  const address = mayShowAddress && activity.address ? activity.address : null;
  if (p.discreetTitles) return address;
  return address ?? (activity.area || null);
}

/** The words a feed uses, translated once per build (i18next is slow to ask a thousand times). */
function feedWords(locale: Locale) {
  const t = tFor(locale);
  return {
    neutralTitle: t("calendar.event.neutralTitle"),
    going: t("calendar.event.going"),
    waitlisted: t("calendar.event.waitlisted"),
    offered: t("calendar.event.offered"),
    notAnswered: t("calendar.event.notAnswered"),
    cancelled: t("calendar.event.cancelled"),
  };
}

function descriptionFor(
  activity: FeedActivity,
  p: FeedPresentation,
  words: ReturnType<typeof feedWords>,
): string | null {
  if (p.discreetTitles) return null;
  const lines: string[] = [];
  if (activity.status === "cancelled") lines.push(words.cancelled);
  else if (p.audience === "member") {
    lines.push(
      activity.answer === "going"
        ? words.going
        : activity.answer === "offered"
          ? words.offered
          : activity.answer === "waitlisted"
            ? words.waitlisted
            : words.notAnswered,
    );
  }
  if (activity.description.trim()) lines.push(activity.description.trim());
  return lines.length > 0 ? lines.join("\n\n") : null;
}

/**
 * Folds content lines at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence: continuation
 * lines start with one space. Lines that are short enough are left as they are.
 */
export function foldContentLines(text: string): string {
  return text
    .split("\r\n")
    .map((line) => {
      if (Buffer.byteLength(line, "utf8") <= 75) return line;
      const parts: string[] = [];
      let current = "";
      let octets = 0;
      let limit = 75;
      for (const char of line) {
        const size = Buffer.byteLength(char, "utf8");
        if (octets + size > limit) {
          parts.push(current);
          current = "";
          octets = 0;
          limit = 74; // the leading space takes one octet
        }
        current += char;
        octets += size;
      }
      parts.push(current);
      return parts.join("\r\n ");
    })
    .join("\r\n");
}

/** The whole feed as iCalendar text. */
export function buildFeedCalendar(activities: readonly FeedActivity[], p: FeedPresentation): string {
  const words = feedWords(p.locale);
  // Plain string order (ISO times sort as text); localeCompare would ask ICU thousands of times.
  const ordered = [...activities].sort((a, b) =>
    a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );

  // No timezone on the calendar itself: DTSTAMP and LAST-MODIFIED stay in UTC; events carry TZID.
  const calendar: ICalCalendar = ical({
    prodId: "//kalender//feed//EN",
    name: escapeText(p.calendarName),
    ttl: REFRESH_SECONDS,
  });
  calendar.x("X-WR-TIMEZONE", FEED_TIME_ZONE);
  // The calendar's own properties, before any component is added.
  const shell = calendar.toString();
  if (ordered.length === 0) return shell;

  // The zone's offsets from the year before the first event to the year after the last (Oslo is
  // never a day away from UTC), read once: the observance in force at every event is then known.
  const utcYears = ordered.flatMap((a) => [new Date(a.startsAt).getUTCFullYear(), new Date(a.endsAt).getUTCFullYear()]);
  const zone = ZoneTable.forYears(FEED_TIME_ZONE, Math.min(...utcYears) - 1, Math.max(...utcYears) + 1);
  const clock = (ms: number) => zone.wallClock(ms);

  let zoned = false;
  const events = ordered.map((activity) => {
    const status = eventStatus(activity, p.audience);
    const changedAt = new Date(activity.changedAt);
    const start = Date.parse(activity.startsAt);
    const end = Date.parse(activity.endsAt);
    // Oslo wall time with TZID, except in the repeated hour of an October night: there only UTC is unambiguous.
    const inUtc = zone.isAmbiguous(start) || zone.isAmbiguous(end);
    zoned ||= !inUtc;
    return calendar
      .createEvent({
        id: uidFor(activity.id),
        sequence: activity.sequence,
        stamp: changedAt,
        lastModified: changedAt,
        start: inUtc ? new Date(start) : new ZonedInstant(start, FEED_TIME_ZONE, clock),
        end: inUtc ? new Date(end) : new ZonedInstant(end, FEED_TIME_ZONE, clock),
        timezone: inUtc ? null : FEED_TIME_ZONE,
        summary: p.discreetTitles ? words.neutralTitle : activity.title,
        description: descriptionFor(activity, p, words),
        location: locationFor(activity, p),
        status: ICalEventStatus[status],
        // Not (yet) going: shown, but the time is not marked busy.
        transparency: status === "TENTATIVE" ? ICalEventTransparency.TRANSPARENT : null,
        // Shared and delegated calendars (Outlook, Google) hide the details of private events.
        class: ICalEventClass.PRIVATE,
      })
      .toString();
  });

  const vtimezone = zoned ? zone.vtimezone() + "\r\n" : "";

  // Calendar properties first, then the components (RFC 5545 §3.4).
  const closing = "END:VCALENDAR";
  if (!shell.endsWith(closing)) throw new Error("ical-generator wrote an unexpected calendar");
  return foldContentLines(shell.slice(0, -closing.length) + vtimezone + events.join("") + closing);
}

/**
 * Built feeds, kept until their data changes: the key holds the feed id and its version, so a
 * changed feed is simply a new key and old versions age out. Least recently used goes first,
 * within a budget of characters (a 1,000-event feed is about 0.5 MB).
 */
export class FeedCache {
  private readonly entries = new Map<string, string>();
  private size = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string): string | undefined {
    const text = this.entries.get(key);
    if (text !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, text);
    }
    return text;
  }

  set(key: string, text: string) {
    if (text.length > this.maxChars) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.size -= old.length;
    }
    this.entries.set(key, text);
    this.size += text.length;
    for (const [oldest, value] of this.entries) {
      if (this.size <= this.maxChars) break;
      this.entries.delete(oldest);
      this.size -= value.length;
    }
  }

  clear() {
    this.entries.clear();
    this.size = 0;
  }
}

export const feedCache = new FeedCache(32 * 1024 * 1024);

/**
 * Last-Modified for feeds. The rows' change times miss removals that leave no trace (an activity
 * ageing out of the window, a group membership ending, a withdrawn answer), so the moment this
 * process first saw a feed's current version counts as a change too. After a restart, or on
 * another instance, a feed looks changed once: a full answer where a 304 would have done, never
 * a 304 where the client's copy is old.
 */
export class FeedChangeClock {
  private readonly seen = new Map<string, { key: string; at: number }>();

  constructor(private readonly maxFeeds: number) {}

  lastModified(feedId: string, versionKey: string, dataChangedAt: string, now: Date): Date {
    const previous = this.seen.get(feedId);
    const entry = previous?.key === versionKey ? previous : { key: versionKey, at: now.getTime() };
    this.seen.delete(feedId);
    this.seen.set(feedId, entry);
    if (this.seen.size > this.maxFeeds) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    // HTTP dates have whole seconds.
    return new Date(Math.floor(Math.max(Date.parse(dataChangedAt), entry.at) / 1000) * 1000);
  }

  clear() {
    this.seen.clear();
  }
}

export const feedChangeClock = new FeedChangeClock(50_000);
