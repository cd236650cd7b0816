// Quick exit: end the session, ask the browser to forget this site, go to the neutral site.
// GET changes state here, and only here (decision in README "Decisions": the link must work
// without JavaScript). The worst a forged GET can do is sign someone out.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { endSessionByToken, sessionTokenFrom, signedOutHeaders } from "~/features/sessions/sessions.server";
import { LANGUAGE_COOKIE } from "~/platform/locale.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";

async function leave(request: Request) {
  const token = sessionTokenFrom(request);
  if (token) await endSessionByToken(db(), token);
  // Push stays on: a quick exit must not quietly end what she chose (decision 031).
  const headers = signedOutHeaders({ keepServiceWorker: true });
  headers.append(
    "Set-Cookie",
    `${LANGUAGE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly${env().SECURE_COOKIES ? "; Secure" : ""}`,
  );
  // The button's beacon is no navigation: a redirect would only make the browser fetch the
  // neutral site in the background (and CSP would block it). The page moves on by itself.
  const mode = request.headers.get("Sec-Fetch-Mode");
  if (mode !== null && mode !== "navigate") return new Response(null, { status: 204, headers });
  // Referrer-Policy: no-referrer (on every response) keeps this site out of the neutral site's logs.
  return redirect(env().QUICK_EXIT_URL, { status: 303, headers });
}

export function loader({ request }: LoaderFunctionArgs) {
  return leave(request);
}

export function action({ request }: ActionFunctionArgs) {
  return leave(request);
}
