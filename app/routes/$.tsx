// Every unknown path: a real 404 status with the shared, helpful not-found page.
import type { MetaFunction } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { pageTitle } from "~/platform/meta";

export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meta.notFound"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
