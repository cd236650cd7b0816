import type { MetaArgs } from "@remix-run/react";
import type { TFunction } from "i18next";
import { DEFAULT_LOCALE, tFromCatalog, type CatalogTree, type Locale } from "~/i18n/config";

type RootData = { locale: Locale; siteName: string; catalog: CatalogTree; catalogKey: string } | undefined;

/**
 * A page title "<page> – <site name>". Titles are what a shared phone shows in its tab list and
 * history, so they stay neutral: never an activity title, a place or a pseudonym.
 */
export function pageTitle(matches: MetaArgs["matches"], pick: (t: TFunction) => string) {
  const root = matches.find((m) => m.id === "root")?.data as RootData;
  const t = tFromCatalog(root?.locale ?? DEFAULT_LOCALE, root?.catalog ?? {}, root?.catalogKey ?? "none");
  const site = root?.siteName ?? "";
  return [{ title: site ? `${pick(t)} – ${site}` : pick(t) }];
}
