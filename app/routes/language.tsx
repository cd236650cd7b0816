// Remembers the chosen language in a cookie and goes back to the page the person was on.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/config";
import { LANGUAGE_COOKIE } from "~/i18n/locale.server";
import { env } from "~/utils/env.server";
import { safeRedirectPath } from "~/utils/redirect";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  const returnTo = safeRedirectPath(form.get("returnTo"));
  if (!isLocale(lang)) return redirect(returnTo, { status: 303 });
  const secure = env().SECURE_COOKIES ? "; Secure" : "";
  return redirect(returnTo.replace(/([?&])lang=[^&]*&?/, "$1").replace(/[?&]$/, ""), {
    status: 303,
    headers: {
      "Set-Cookie": `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}`,
    },
  });
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
