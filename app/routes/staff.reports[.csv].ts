// The report as a CSV file, with the same suppression as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportCsvForStaff } from "~/features/reports/reports.server";
import { requireStaff } from "~/features/sessions/viewer.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { localeFromRequest } from "~/platform/locale.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const csv = await reportCsvForStaff(db(), viewer.staff, {
    params,
    locale: localeFromRequest(request),
    threshold: env().SUPPRESSION_THRESHOLD,
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="report.csv"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
