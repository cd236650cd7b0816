// "Save as a file" on the recovery-code page: the page posts the codes it shows, and they come back
// as a plain text attachment. Nothing is stored or logged, and only code-shaped text is echoed.
import type { ActionFunctionArgs } from "@remix-run/node";
import { readFormData } from "~/platform/read-form.server";

/** Groups of four Crockford characters (app/platform/secrets.server.ts), as the page shows them. */
const CODE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){1,9}$/;
const MAX_CODES = 16;

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const codes = form.getAll("code");
  if (codes.length === 0 || codes.length > MAX_CODES || !codes.every((c) => typeof c === "string" && CODE.test(c))) {
    throw new Response("Bad request", { status: 400 });
  }
  return new Response(codes.join("\r\n") + "\r\n", {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      // A neutral name: a file list on a shared phone must not say what it is for.
      "Content-Disposition": 'attachment; filename="codes.txt"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
