import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSessionByToken, sessionTokenFrom, signedOutHeaders } from "~/features/sessions/sessions.server";
import { db } from "~/platform/db.server";

export async function action({ request }: ActionFunctionArgs) {
  const token = sessionTokenFrom(request);
  // Deleting the row is what signs out: the old cookie, if replayed, finds nothing.
  if (token) await endSessionByToken(db(), token);
  return redirect("/", { status: 303, headers: signedOutHeaders() });
}

// Signing out is a POST (a GET must change nothing); a visit here just goes home.
export function loader() {
  return redirect("/");
}
