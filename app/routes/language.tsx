// Remembers the chosen language in a cookie (and in a signed-in member's profile, so it follows
// them to another device) and goes back to the page the person was on.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getViewer } from "~/features/sessions/viewer.server";
import { isLocale } from "~/i18n/config";
import { languageCookie } from "~/platform/locale.server";
import { setMemberLocale } from "~/features/members/members.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { safeRedirectPath } from "~/platform/redirect";
import { readFormData } from "~/platform/read-form.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const lang = form.get("lang");
  const returnTo = withoutLangParameter(safeRedirectPath(form.get("returnTo")));
  if (!isLocale(lang)) return redirect(returnTo, { status: 303 });
  const viewer = await getViewer(request);
  if (viewer.kind === "member") await setMemberLocale(db(), viewer.member.id, lang);
  return redirect(returnTo, { status: 303, headers: { "Set-Cookie": languageCookie(lang, env().SECURE_COOKIES) } });
}

/** A ?lang= left in the address would override the choice just made. */
function withoutLangParameter(path: string): string {
  const url = new URL(path, "http://local");
  url.searchParams.delete("lang");
  return url.pathname + url.search;
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
