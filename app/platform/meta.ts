import type { MetaArgs } from "@remix-run/react";
import { DEFAULT_LOCALE, tFor, type Locale } from "~/i18n/config";

type RootData = { locale: Locale; siteName: string } | undefined;

/**
 * A page title "<page> – <site name>". Titles are what a shared phone shows in its tab list and
 * history, so they stay neutral: never an activity title, a place or a pseudonym.
 */
export function pageTitle(matches: MetaArgs["matches"], pick: (t: ReturnType<typeof tFor>) => string) {
  const root = matches.find((m) => m.id === "root")?.data as RootData;
  const t = tFor(root?.locale ?? DEFAULT_LOCALE);
  const site = root?.siteName ?? "";
  return [{ title: site ? `${pick(t)} – ${site}` : pick(t) }];
}
