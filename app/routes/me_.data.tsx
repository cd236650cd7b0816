// "Download my data": everything stored about the signed-in member, as a JSON file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/features/sessions/viewer.server";
import { exportMemberData } from "~/features/members/member-data.server";
import { db } from "~/platform/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireMember(request);
  const exported = await exportMemberData(db(), viewer.member.id);
  if (!exported) throw new Response("Not found", { status: 404 });
  const body = JSON.stringify({ exportedAt: new Date().toISOString(), ...exported }, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // A neutral file name: the file may sit in a shared phone's downloads.
      "Content-Disposition": 'attachment; filename="my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
