// Ends the staff session (also a half one, between password and code) and forgets the cookie.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession, signedOutHeaders } from "~/features/sessions/sessions.server";
import { getViewer } from "~/features/sessions/viewer.server";
import { db } from "~/platform/db.server";
import { log } from "~/platform/logger.server";

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer.kind === "staff" || viewer.kind === "staff-pending") {
    await endSession(db(), viewer.sessionId);
    log("staff_signed_out", { staff: viewer.kind === "staff" ? viewer.staff.id : viewer.staffId });
  }
  return redirect("/", { status: 303, headers: signedOutHeaders() });
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
