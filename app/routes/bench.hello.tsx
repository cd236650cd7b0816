// The benchmark's baseline (`npm run bench`): the smallest page this build can answer, through the
// same server, root loader and layout as every page. It exists only when BENCH_ROUTES is set;
// otherwise it is the same 404 as any unknown address.
import { useTranslation } from "~/i18n/react";
import { env } from "~/platform/env.server";
import { notFound } from "~/platform/responses";

export function loader() {
  if (!env().BENCH_ROUTES) throw notFound();
  return null;
}

export default function BenchHello() {
  const { t } = useTranslation();
  return <h1>{t("home.title")}</h1>;
}
