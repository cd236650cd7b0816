// "Save as a file" on the recovery-code page: the page posts the codes it shows, and they come back
// as a plain text attachment (only code-shaped text is echoed: recovery-codes-file.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import { recoveryCodesFileText } from "~/features/members/recovery-codes-file";
import { readFormData } from "~/platform/read-form.server";

export async function action({ request }: ActionFunctionArgs) {
  const text = recoveryCodesFileText(await readFormData(request));
  if (text === undefined) throw new Response("Bad request", { status: 400 });
  return new Response(text, {
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
