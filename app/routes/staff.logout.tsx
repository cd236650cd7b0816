// Ends the staff session (also a half one, between password and code) and forgets the cookie.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signedOutHeaders } from "~/features/sessions/sessions.server";
import { signOutStaff } from "~/features/staff/staff-sign-in.server";
import { getViewer } from "~/features/sessions/viewer.server";
import { db } from "~/platform/db.server";

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer.kind === "staff" || viewer.kind === "staff-pending") {
    await signOutStaff(db(), {
      sessionId: viewer.sessionId,
      staffId: viewer.kind === "staff" ? viewer.staff.id : viewer.staffId,
    });
  }
  return redirect("/", { status: 303, headers: signedOutHeaders() });
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
