// Every catalog, on the server only. The browser gets one language and the parts its page needs
// (catalogFor), through the root loader; the server renders pages with that same catalog.
import { type i18n, type TFunction } from "i18next";
import { catalogScope, i18nFromCatalog, LOCALES, type CatalogScope, type CatalogTree, type Locale } from "./config";
import ar from "./locales/ar";
import en from "./locales/en";
import nb from "./locales/nb";
import so from "./locales/so";
import ur from "./locales/ur";
import nbStaff from "./locales/nb/staff";
import nbStaffSeries from "./locales/nb/staff-series";
import nbStaffAttendance from "./locales/nb/staff-attendance";
import nbStaffReports from "./locales/nb/staff-reports";
import nbStaffDemand from "./locales/nb/staff-demand";
import nbStaffWeek from "./locales/nb/staff-week";
import nbStaffAudit from "./locales/nb/staff-audit";
import nbStaffNotices from "./locales/nb/staff-notices";
import nbStaffSlips from "./locales/nb/staff-slips";
import nbStaffPaging from "./locales/nb/staff-paging";

export const resources = {
  nb: { translation: nb },
  en: { translation: en },
  ar: { translation: ar },
  ur: { translation: ur },
  so: { translation: so },
} as const;

/**
 * Catalog part files whose name starts with `staff` (strings only staff pages use): their keys
 * reach the browser only under /staff. Register each new one here with one import of its nb file
 * (the key tree is the same in every language); tests/unit/catalog-split.test.ts fails until you do.
 */
export const STAFF_PARTS: readonly CatalogTree[] = [
  nbStaff,
  nbStaffSeries,
  nbStaffAttendance,
  nbStaffReports,
  nbStaffDemand,
  nbStaffWeek,
  nbStaffAudit,
  nbStaffNotices,
  nbStaffSlips,
  nbStaffPaging,
];

/** The catalog without every key a staff part holds (leaves; objects left empty go too). */
function withoutParts(tree: CatalogTree, parts: readonly CatalogTree[]): CatalogTree {
  const result: CatalogTree = {};
  for (const [key, value] of Object.entries(tree)) {
    const inParts = parts.map((part) => part[key]).filter((v) => v !== undefined);
    if (inParts.length === 0) result[key] = value;
    else if (typeof value === "object") {
      const nested = inParts.filter((v): v is CatalogTree => typeof v === "object");
      if (nested.length < inParts.length) continue; // a staff leaf of this name: staff only
      const rest = withoutParts(value, nested);
      if (Object.keys(rest).length > 0) result[key] = rest;
    }
  }
  return result;
}

const catalogs = new Map<string, { key: string; catalog: CatalogTree }>();

/** The catalog a page in this language needs, with the key that names it (the same object each time). */
export function catalogFor(locale: Locale, scope: CatalogScope): { key: string; catalog: CatalogTree } {
  const key = `${locale}:${scope}`;
  let found = catalogs.get(key);
  if (!found) {
    const full = resources[locale].translation as unknown as CatalogTree;
    found = { key, catalog: scope === "staff" ? full : withoutParts(full, STAFF_PARTS) };
    catalogs.set(key, found);
  }
  return found;
}

/** The catalog for a page at this path. */
export function catalogForPath(locale: Locale, pathname: string) {
  return catalogFor(locale, catalogScope(pathname));
}

/** Every string of a language, for what only the server writes (calendar files, tests). */
export function i18nFor(locale: Locale): i18n {
  const { key, catalog } = catalogFor(locale, "staff");
  return i18nFromCatalog(locale, catalog, key);
}

export function tFor(locale: Locale): TFunction {
  return i18nFor(locale).t;
}

export { LOCALES };
