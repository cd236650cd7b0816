// Where the member is signed in; end one other session or all others.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { endOwnSessions, listOwnSessions } from "~/features/sessions/own-sessions.server";
import { requireMember } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { SessionsPanel } from "~/components/SessionList";
import { db } from "~/platform/db.server";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireMember(request);
  return { sessions: await listOwnSessions(db(), viewer) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireMember(request);
  return endOwnSessions(db(), viewer, await readFormData(request));
}

export default function MySessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <SessionsPanel sessions={sessions} done={result?.done ?? null}>
      <Link to="/me">{t("layout.myPage")}</Link>
    </SessionsPanel>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("safety.meta.sessions"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
