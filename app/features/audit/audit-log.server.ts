// The audit log page: filters read from the address (anything unknown is ignored), one page of
// entries by keys, and each entry as sentences in the reader's language.
import type { AppDatabase } from "../../../db/connection";
import { LOCALE_TAGS, type Locale } from "~/i18n/config";
import { tFor } from "~/i18n/catalogs.server";
import { formatOsloDateTime } from "~/platform/oslo-time";
import { auditSentences } from "./audit-sentences";
import {
  AUDIT_KINDS,
  AUDIT_PAGE_SIZE,
  auditCursorKey,
  listAuditActors,
  listAuditEntries,
  parseAuditCursor,
  type AuditKind,
} from "./audit.server";

export interface AuditLogQuery {
  after: string | null;
  actorStaffId: string | null;
  chapterId: string | null;
  kind: string | null;
}

export async function loadAuditLog(db: AppDatabase, query: AuditLogQuery, locale: Locale) {
  const [actors, chapters] = await Promise.all([
    listAuditActors(db),
    db.selectFrom("chapters").select(["id", "name"]).orderBy("name").execute(),
  ]);
  const filter = {
    actorStaffId: actors.some((a) => a.id === query.actorStaffId) ? query.actorStaffId : null,
    chapterId: chapters.some((c) => c.id === query.chapterId) ? query.chapterId : null,
    kind: (AUDIT_KINDS as readonly string[]).includes(query.kind ?? "") ? (query.kind as AuditKind) : null,
  };
  const rows = await listAuditEntries(db, { ...filter, after: parseAuditCursor(query.after) });
  const t = tFor(locale) as unknown as (key: string, values?: Record<string, string>) => string;
  const tag = LOCALE_TAGS[locale];
  const last = rows[rows.length - 1];
  const olderQuery = new URLSearchParams();
  if (last) olderQuery.set("after", auditCursorKey(last));
  if (filter.actorStaffId) olderQuery.set("staff", filter.actorStaffId);
  if (filter.chapterId) olderQuery.set("chapter", filter.chapterId);
  if (filter.kind) olderQuery.set("kind", filter.kind);
  return {
    filter,
    actors: actors.map((a) => ({ id: a.id, name: a.display_name })),
    chapters,
    kinds: AUDIT_KINDS,
    entries: rows.map((e) => ({
      id: e.id,
      at: e.at,
      when: formatOsloDateTime(e.at, tag),
      chapter: e.chapter_name,
      action: e.action,
      sentences: auditSentences({ action: e.action, actorName: e.actor_name, details: e.details }, t, tag),
    })),
    olderHref: rows.length === AUDIT_PAGE_SIZE && last ? `/staff/audit?${olderQuery.toString()}` : null,
  };
}
