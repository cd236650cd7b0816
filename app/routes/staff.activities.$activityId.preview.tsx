// Staff preview of an activity exactly as a member of its group sees it (before she answers),
// with a banner that says it may not be published yet. Staff only, scoped like every staff page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/features/sessions/viewer.server";
import { findActivityPreviewForStaff } from "~/features/activities/member-activities.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { MemberActivityArticle } from "~/components/MemberActivityArticle";
import { db } from "~/platform/db.server";
import { pageTitle } from "~/platform/meta";
import { notFound } from "~/platform/responses";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const preview = await findActivityPreviewForStaff(db(), viewer.staff, { activityId: params.activityId ?? "" });
  if (!preview) notFound();
  return preview;
}

export default function ActivityPreview() {
  const { activity, draft } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p>
        <Link to={`/staff/activities/${activity.id}`}>{t("staffSeries.previewBack")}</Link>
      </p>
      <MemberActivityArticle
        activity={activity}
        view="preview"
        myStatus={null}
        banner={
          <p className="notice notice--warning" role="status">
            {draft ? t("staffSeries.previewBanner") : t("staffSeries.preview")}
          </p>
        }
      />
      <section className="panel rsvp" aria-labelledby="answer-title">
        <h2 id="answer-title">{t("activities.yourAnswer")}</h2>
        <p className="rsvp__status">{t("activities.statusNone")}</p>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staffSeries.metaPreview"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
