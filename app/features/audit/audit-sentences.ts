// The audit log as sentences in the reader's language ("Kari Nordmann changed the time of
// 'Middag sammen' from 17:00 to 18:00"), built from what the row stored when it was written: ids,
// numbers, times and staff-written titles, never member text. Rows without a title (older ones)
// still read, with "an activity".
import { formatOsloClock, formatOsloDateInput, formatOsloDateTime } from "~/platform/oslo-time";

type Translate = (key: string, values?: Record<string, string>) => string;

export interface AuditRowForSentence {
  action: string;
  actorName: string | null;
  details: string | null;
}

function readDetails(details: string | null): Record<string, unknown> {
  try {
    const parsed: unknown = details ? JSON.parse(details) : {};
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** One or more sentences for one entry (an edit that changed the time and the place says both). */
export function auditSentences(row: AuditRowForSentence, t: Translate, localeTag: string): string[] {
  const d = readDetails(row.details);
  const actor = row.actorName ?? t("staffAudit.someone");
  const title = text(d.title) ?? t("staffAudit.anActivity");
  const when = (iso: unknown) => (typeof iso === "string" ? formatOsloDateTime(iso, localeTag) : "");
  const base = { actor, title };
  switch (row.action) {
    case "activity.create": {
      const count = typeof d.occurrences === "number" ? d.occurrences : 1;
      return [
        count > 1
          ? t("staffAudit.activityCreateSeries", { ...base, n: String(count), when: when(d.startsAt) })
          : t("staffAudit.activityCreate", { ...base, when: when(d.startsAt) }),
      ];
    }
    case "activity.draft": {
      const count = typeof d.occurrences === "number" ? d.occurrences : 1;
      return [
        count > 1
          ? t("staffAudit.activityDraftSeries", { ...base, n: String(count), when: when(d.startsAt) })
          : t("staffAudit.activityDraft", { ...base, when: when(d.startsAt) }),
      ];
    }
    case "activity.publish": {
      const count = typeof d.occurrences === "number" ? d.occurrences : 1;
      return [
        count > 1
          ? t("staffAudit.activityPublishSeries", { ...base, n: String(count) })
          : t("staffAudit.activityPublish", { ...base, when: when(d.startsAt) }),
      ];
    }
    case "activity.copy":
      return [t("staffAudit.activityCopy", { ...base, from: when(d.startsAtBefore), to: when(d.startsAt) })];
    case "activity.cancel":
    case "activity.cancelRest":
    case "activity.skip": {
      const key =
        row.action === "activity.skip"
          ? d.removed === true
            ? "staffAudit.activitySkipRemoved"
            : "staffAudit.activitySkipCancelled"
          : row.action === "activity.cancelRest"
            ? "staffAudit.activityCancelRest"
            : typeof d.reasonLength === "number" && d.reasonLength > 0
              ? "staffAudit.activityCancelReason"
              : "staffAudit.activityCancel";
      const told = typeof d.told === "number" ? String(d.told) : "0";
      return [t(key, { ...base, when: when(d.startsAt), told })];
    }
    case "activity.restore":
      return [
        t("staffAudit.activityRestore", {
          ...base,
          when: when(d.startsAt),
          told: typeof d.told === "number" ? String(d.told) : "0",
        }),
      ];
    case "activity.message":
      return [
        t(d.includeWaitlist === true ? "staffAudit.activityMessageWaitlist" : "staffAudit.activityMessage", {
          ...base,
          when: when(d.startsAt),
          n: typeof d.recipients === "number" ? String(d.recipients) : "0",
          length: typeof d.length === "number" ? String(d.length) : "0",
        }),
      ];
    case "activity.update": {
      const sentences: string[] = [];
      const before = text(d.startsAtBefore);
      const after = text(d.startsAtAfter);
      if (before && after) {
        const sameDay = formatOsloDateInput(before) === formatOsloDateInput(after);
        const show = (iso: string) => (sameDay ? formatOsloClock(iso, localeTag) : when(iso));
        sentences.push(t("staffAudit.activityTime", { ...base, from: show(before), to: show(after) }));
      }
      const titleBefore = text(d.titleBefore);
      if (titleBefore) sentences.push(t("staffAudit.activityTitle", { actor, from: titleBefore, to: title }));
      const areaBefore = text(d.areaBefore);
      const areaAfter = text(d.areaAfter);
      if (areaBefore !== undefined && areaAfter !== undefined) {
        sentences.push(t("staffAudit.activityArea", { ...base, from: areaBefore, to: areaAfter }));
      }
      if ("capacityBefore" in d && d.capacityBefore !== d.capacityAfter) {
        const places = (n: unknown) => (typeof n === "number" ? String(n) : t("staffAudit.noLimit"));
        sentences.push(
          t("staffAudit.activityCapacity", { ...base, from: places(d.capacityBefore), to: places(d.capacityAfter) }),
        );
      }
      return sentences.length > 0 ? sentences : [t("staffAudit.activityUpdate", base)];
    }
    case "attendance.check_in":
    case "attendance.undo_check_in":
    case "attendance.walk_in":
    case "attendance.walk_in_count":
      return [
        t("staffAudit.attendance", {
          ...base,
          when: when(d.startsAt),
          members: typeof d.members === "number" ? String(d.members) : "0",
          withoutAccount: typeof d.withoutAccount === "number" ? String(d.withoutAccount) : "0",
        }),
      ];
    case "rsvp.promote":
      return [t("staffAudit.rsvpPromote", base)];
    case "rsvp.remove":
      return [t("staffAudit.rsvpRemove", base)];
    case "rsvp.reply":
      return [t("staffAudit.rsvpReply", base)];
    case "rsvp.meet_assign":
      return [t(d.meetStaffId ? "staffAudit.rsvpMeetAssign" : "staffAudit.rsvpMeetUnassign", base)];
    default:
      return [t("staffAudit.other", { actor, action: row.action })];
  }
}
