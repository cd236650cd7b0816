// Staff: anonymous wishes for a network, by county on a map and in a table, by municipality on
// drill-down, and by month; every figure suppressed. All staff see the national picture (decision 035).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { DemandMap } from "~/components/DemandMap";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { COUNTY_OUTLINES, MAP_HEIGHT, MAP_WIDTH } from "~/features/demand/data/county-outlines.server";
import { COUNTIES } from "~/features/demand/data/norway-areas";
import { demandQueryFromUrl } from "~/features/demand/demand-query";
import { demandForStaff } from "~/features/demand/demand.server";
import { osloMonth } from "~/features/demand/interest.server";
import { formatMonth } from "~/features/demand/months";
import { figureText, type SuppressedFigure } from "~/features/reports/suppression";
import { requireStaff } from "~/features/sessions/viewer.server";
import { FORMAT_TAGS } from "~/i18n/config";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { localeFromRequest } from "~/platform/locale.server";
import { pageTitle } from "~/platform/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff } = await requireStaff(request);
  const query = demandQueryFromUrl(new URL(request.url), osloMonth(new Date()));
  const view = await demandForStaff(db(), staff, query, { threshold: env().SUPPRESSION_THRESHOLD });
  const tag = FORMAT_TAGS[localeFromRequest(request)];
  const text = (f: SuppressedFigure) => figureText(f, { threshold: view.threshold });
  const county = query.county ? COUNTIES.find((c) => c.number === query.county) : undefined;
  return {
    query,
    county: county ? { number: county.number, name: county.name } : null,
    periodFrom: formatMonth(query.from, tag),
    periodTo: formatMonth(query.to, tag),
    audiences: view.audiences,
    places: view.places.map((p) => ({
      id: p.id,
      name: p.name,
      cells: p.cells.map(text),
      total: text(p.total),
      hasWishes: p.total.kind !== "shown" || p.total.value > 0,
    })),
    audienceTotals: view.audienceTotals.map(text),
    grandTotal: text(view.grandTotal),
    months: view.months.map((m) => ({
      month: m.month,
      label: formatMonth(m.month, tag),
      text: text(m.figure),
      value: m.figure.kind === "shown" ? m.figure.value : null,
    })),
    monthsWithheld: view.monthsWithheld,
    // The map only on the national view; its outlines never reach the client bundle.
    map: county
      ? null
      : {
          width: MAP_WIDTH,
          height: MAP_HEIGHT,
          counties: view.places.map((p) => {
            const outline = COUNTY_OUTLINES[p.id]!;
            const area = COUNTIES.find((c) => c.number === p.id)!;
            return {
              number: p.id,
              name: area.shortName,
              d: outline.d,
              label: outline.label,
              band: p.band,
              text: text(p.total),
            };
          }),
        },
  };
}

export default function StaffDemand() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { query } = data;
  const keep = (extra: Record<string, string>) => {
    const params = new URLSearchParams({
      from: query.from,
      to: query.to,
      ...(query.audience ? { audience: query.audience } : {}),
      ...extra,
    });
    return `/staff/demand?${params.toString()}`;
  };
  const nothing = data.grandTotal === "0";
  return (
    <div className="stack">
      <section className="panel stack">
        <p>
          <Link to="/staff">{t("staff.backHome")}</Link>
        </p>
        <h1>{data.county ? data.county.name : t("staffDemand.title")}</h1>
        <p>{t("staffDemand.intro")}</p>
        <Form method="get" className="demand-filters" aria-label={t("staffDemand.filtersTitle")}>
          {data.county ? <input type="hidden" name="county" value={data.county.number} /> : null}
          <div className="field">
            <label className="field__label" htmlFor="demand-audience">
              {t("staffDemand.audienceLabel")}
            </label>
            <select id="demand-audience" name="audience" className="field__input" defaultValue={query.audience ?? ""}>
              <option value="">{t("staffDemand.allAudiences")}</option>
              {(["women", "men", "everyone"] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`staffDemand.audience_${a}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="demand-from">
              {t("staffDemand.fromLabel")}
            </label>
            <input
              id="demand-from"
              name="from"
              type="month"
              className="field__input"
              defaultValue={query.from}
              placeholder={t("staffDemand.monthHint")}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="demand-to">
              {t("staffDemand.toLabel")}
            </label>
            <input
              id="demand-to"
              name="to"
              type="month"
              className="field__input"
              defaultValue={query.to}
              placeholder={t("staffDemand.monthHint")}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button">
              {t("staffDemand.apply")}
            </button>
            <Link
              className="button button--secondary"
              to={data.county ? `/staff/demand?county=${data.county.number}` : "/staff/demand"}
            >
              {t("staffDemand.reset")}
            </Link>
          </div>
        </Form>
        <p className="lead">
          {t("staffDemand.period", { from: data.periodFrom, to: data.periodTo })} · {t("staffDemand.total")}:{" "}
          <strong>{data.grandTotal}</strong>
        </p>
      </section>

      <section className="panel demand-layout" aria-labelledby="demand-places-title">
        {data.map ? (
          <div className="demand-layout__map">
            <h2>{t("staffDemand.mapTitle")}</h2>
            <DemandMap width={data.map.width} height={data.map.height} counties={data.map.counties} />
          </div>
        ) : null}
        <div className="demand-layout__table">
          <h2 id="demand-places-title">
            {data.county
              ? t("staffDemand.municipalityTable", { county: data.county.name })
              : t("staffDemand.countyTable")}
          </h2>
          {data.county ? (
            <p>
              <Link to={keep({})}>{t("staffDemand.backToCounties")}</Link>
            </p>
          ) : null}
          {nothing ? <p className="notice">{t("staffDemand.noWishes")}</p> : null}
          <div className="staff-table-wrap">
            <table className="staff-table demand-table">
              <thead>
                <tr>
                  <th scope="col">{data.county ? t("staffDemand.municipality") : t("staffDemand.county")}</th>
                  {data.audiences.length > 1
                    ? data.audiences.map((a) => (
                        <th key={a} scope="col" className="demand-table__number">
                          {t(`staffDemand.audience_${a}`)}
                        </th>
                      ))
                    : null}
                  <th scope="col" className="demand-table__number">
                    {t("staffDemand.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.places.map((p) => (
                  <tr key={p.id || "none"}>
                    <th scope="row">
                      {!data.county && p.hasWishes ? (
                        <Link
                          to={keep({ county: p.id })}
                          aria-label={t("staffDemand.seeMunicipalities", { county: p.name })}
                        >
                          {p.name}
                        </Link>
                      ) : (
                        p.name || t("staffDemand.noMunicipality")
                      )}
                    </th>
                    {data.audiences.length > 1
                      ? p.cells.map((c, i) => (
                          <td key={i} className="demand-table__number">
                            {c}
                          </td>
                        ))
                      : null}
                    <td className="demand-table__number">
                      <strong>{p.total}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{data.county ? data.county.name : t("staffDemand.allOfNorway")}</th>
                  {data.audiences.length > 1
                    ? data.audienceTotals.map((c, i) => (
                        <td key={i} className="demand-table__number">
                          {c}
                        </td>
                      ))
                    : null}
                  <td className="demand-table__number">
                    <strong>{data.grandTotal}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p className="muted">{t("staffDemand.suppressionNote")}</p>
        </div>
      </section>

      <section className="panel" aria-labelledby="demand-months-title">
        <h2 id="demand-months-title">{t("staffDemand.trendTitle")}</h2>
        {data.monthsWithheld ? <p className="notice">{t("staffDemand.monthsWithheld")}</p> : null}
        <MonthBars months={data.months} />
        <div className="staff-table-wrap">
          <table className="staff-table demand-table">
            <thead>
              <tr>
                <th scope="col">{t("staffDemand.month")}</th>
                <th scope="col" className="demand-table__number">
                  {t("staffDemand.wishes")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.label}</th>
                  <td className="demand-table__number">{m.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

/** Bars per month (a picture; the table below has the figures). Hidden months get a hatched stub. */
function MonthBars({ months }: { months: Array<{ month: string; text: string; value: number | null }> }) {
  const max = Math.max(5, ...months.map((m) => m.value ?? 0));
  const barWidth = 24;
  const gap = 6;
  const height = 120;
  const top = 16;
  const width = months.length * (barWidth + gap);
  return (
    <svg viewBox={`0 ${-top} ${width} ${height + 30 + top}`} className="demand-bars" aria-hidden="true">
      {months.map((m, i) => {
        const x = i * (barWidth + gap);
        const h = m.value === null ? 14 : Math.max(m.value > 0 ? 2 : 0, (m.value / max) * height);
        return (
          <g key={m.month}>
            <rect
              x={x}
              y={height - h}
              width={barWidth}
              height={h}
              className={m.value === null ? "demand-band--hidden" : "demand-bars__bar"}
            />
            <text x={x + barWidth / 2} y={height - h - 3} className="demand-bars__value">
              {m.text}
            </text>
            <text x={x + barWidth / 2} y={height + 14} className="demand-bars__month">
              {m.month.slice(5)}
            </text>
            {m.month.endsWith("-01") || i === 0 ? (
              <text x={x + barWidth / 2} y={height + 27} className="demand-bars__month">
                {m.month.slice(0, 4)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staffDemand.meta.page"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
