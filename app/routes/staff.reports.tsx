// /staff/reports: counts for a funder over a period, in the staff member's scope, with small
// numbers suppressed (app/features/reports/suppression.ts). The same page prints cleanly.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { BarChart, type ChartValue } from "~/components/BarChart";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { figureCells } from "~/features/reports/report-csv";
import { loadReportForStaff } from "~/features/reports/reports.server";
import { COMPLEMENTARY_MARK, figureText, type SuppressedFigure } from "~/features/reports/suppression";
import { requireStaff } from "~/features/sessions/viewer.server";
import { LOCALE_TAGS, isLocale } from "~/i18n/config";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { pageTitle } from "~/platform/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  return loadReportForStaff(db(), viewer.staff, {
    params: new URL(request.url).searchParams,
    threshold: env().SUPPRESSION_THRESHOLD,
  });
}

const FIGURES = [
  "held",
  "cancelled",
  "attendances",
  "uniqueParticipants",
  "newParticipants",
  "returningParticipants",
  "averagePerActivity",
  "shareWhoCame",
] as const;

export default function Reports() {
  const view = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const tag = LOCALE_TAGS[isLocale(i18n.language) ? i18n.language : "nb"];
  const { report, query } = view;
  const th = report.threshold;
  const monthLabel = (m: string, long = false) =>
    new Intl.DateTimeFormat(tag, {
      month: long ? "long" : "short",
      year: long ? "numeric" : undefined,
      timeZone: "UTC",
    }).format(new Date(`${m}-15T12:00:00Z`));
  const chapterName = (id: string, name: string) => (id === "national" ? t("staffReports.national") : name);
  const show = (f: SuppressedFigure) => figureText(f, { threshold: th });
  const legend = { threshold: th, threshold_minus: th - 1, mark: COMPLEMENTARY_MARK };
  const grid = report.attendanceGrid;
  const toChart = (f: SuppressedFigure): ChartValue =>
    f.kind === "shown" ? { kind: "shown", value: f.value } : { kind: "hidden", label: show(f) };
  // Figures down the side, chapters / audiences / months across: reads on a phone, scrolls when wide.
  const figureTable = (
    caption: string,
    columns: { key: string; label: string; figures: (typeof report)["total"] }[],
  ) => {
    const cells = columns.map((c) => figureCells(c.figures, th));
    return (
      <div className="table-scroll">
        <table className="report-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <td />
              {columns.map((c) => (
                <th key={c.key} scope="col" data-column={c.key}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FIGURES.map((f, i) => (
              <tr key={f} data-figure={f}>
                <th scope="row">{t(`staffReports.figures.${f}`)}</th>
                {cells.map((row, j) => (
                  <td key={columns[j]!.key}>{row[i] || t("staffReports.none")}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  };
  return (
    <div className="stack report">
      <section className="panel">
        <p className="staff-print-hide">
          <Link to="/staff">{t("staff.backHome")}</Link>
        </p>
        <h1>{t("staffReports.title")}</h1>
        <p className="lead">{t("staffReports.covering", { from: view.from, to: view.to })}</p>
        <p className="muted">{t("staffReports.intro")}</p>
        <Form method="get" className="report-filter staff-print-hide">
          <label className="field">
            <span className="field__label">{t("staffReports.period")}</span>
            <select name="period" defaultValue={query.period} className="field__input">
              {(["month", "quarter", "year", "dates"] as const).map((p) => (
                <option key={p} value={p}>
                  {t(`staffReports.periods.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t("staffReports.month")}</span>
            <input
              type="month"
              name="month"
              defaultValue={query.month ?? view.from.slice(0, 7)}
              className="field__input"
            />
          </label>
          <label className="field">
            <span className="field__label">{t("staffReports.quarter")}</span>
            <input
              name="quarter"
              defaultValue={
                query.quarter ?? `${view.from.slice(0, 4)}-Q${Math.floor((Number(view.from.slice(5, 7)) - 1) / 3) + 1}`
              }
              className="field__input"
            />
          </label>
          <label className="field">
            <span className="field__label">{t("staffReports.year")}</span>
            <input name="year" inputMode="numeric" defaultValue={query.year ?? ""} className="field__input" />
          </label>
          <label className="field">
            <span className="field__label">{t("staffReports.from")}</span>
            <input type="date" name="from" defaultValue={query.from ?? ""} className="field__input" />
          </label>
          <label className="field">
            <span className="field__label">{t("staffReports.to")}</span>
            <input type="date" name="to" defaultValue={query.to ?? ""} className="field__input" />
          </label>
          {view.chapters.length > 1 ? (
            <fieldset className="field">
              <legend className="field__label">{t("staffReports.chapters")}</legend>
              {view.chapters.map((c) => (
                <label key={c.id} className="choice">
                  <input type="checkbox" name="chapter" value={c.id} defaultChecked={query.chapter.includes(c.id)} />{" "}
                  {c.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          {view.groups.length > 0 ? (
            <fieldset className="field">
              <legend className="field__label">{t("staffReports.groups")}</legend>
              {view.groups.map((g) => (
                <label key={g.id} className="choice">
                  <input type="checkbox" name="group" value={g.id} defaultChecked={query.group.includes(g.id)} />{" "}
                  {g.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button">
              {t("staffReports.show")}
            </button>
            <a className="button button--secondary" href={`/staff/reports.csv${location.search}`} download>
              {t("staffReports.csv")}
            </a>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t("staffReports.print")}
            </button>
          </div>
        </Form>
      </section>

      <section className="panel" aria-labelledby="report-total">
        <h2 id="report-total">{t("staffReports.total")}</h2>
        <dl className="report-figures">
          {FIGURES.map((f, i) => (
            <div key={f}>
              <dt>{t(`staffReports.figures.${f}`)}</dt>
              <dd>{figureCells(report.total, th)[i] || t("staffReports.none")}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="panel" aria-labelledby="report-chart">
        <h2 id="report-chart">{t("staffReports.chart.title")}</h2>
        <BarChart
          id="attendance-chart"
          title={t("staffReports.chart.title")}
          description={t("staffReports.chart.desc")}
          categories={report.months.map((m) => monthLabel(m))}
          series={report.byChapter.map((c, i) => ({
            name: chapterName(c.chapterId, c.name),
            values: (grid.cells[i] ?? []).map(toChart),
          }))}
          hiddenHeight={th}
          hiddenLegend={t("staffReports.chart.hidden", { threshold: th })}
        />
        <div className="table-scroll">
          <table className="report-table">
            <caption>{t("staffReports.chart.title")}</caption>
            <thead>
              <tr>
                <td />
                {report.months.map((m) => (
                  <th key={m} scope="col">
                    {monthLabel(m, true)}
                  </th>
                ))}
                <th scope="col">{t("staffReports.total")}</th>
              </tr>
            </thead>
            <tbody>
              {report.byChapter.map((c, i) => (
                <tr key={c.chapterId}>
                  <th scope="row">{chapterName(c.chapterId, c.name)}</th>
                  {(grid.cells[i] ?? []).map((f, j) => (
                    <td key={j}>{show(f)}</td>
                  ))}
                  <td>{show(grid.rowTotals[i] ?? { kind: "complementary" })}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("staffReports.total")}</th>
                {grid.columnTotals.map((f, j) => (
                  <td key={j}>{show(f)}</td>
                ))}
                <td>{show(grid.grandTotal)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section className="panel">
        {figureTable(
          t("staffReports.byChapter"),
          report.byChapter.map((c) => ({
            key: c.chapterId,
            label: chapterName(c.chapterId, c.name),
            figures: c.figures,
          })),
        )}
        {figureTable(
          t("staffReports.byAudience"),
          report.byAudience.map((a) => ({
            key: a.audience,
            label: t(`staffReports.audiences.${a.audience}`),
            figures: a.figures,
          })),
        )}
        {figureTable(
          t("staffReports.byMonth"),
          report.byMonth.map((m) => ({ key: m.month, label: monthLabel(m.month, true), figures: m.figures })),
        )}
      </section>

      <section className="panel report-notes">
        <ul>
          <li>{t("staffReports.legend.small", legend)}</li>
          <li>{t("staffReports.legend.complementary", legend)}</li>
          <li>{t("staffReports.legend.zero")}</li>
        </ul>
        <ol className="report-footnotes">
          <li>{t("staffReports.footnotes.walkIns")}</li>
          <li>{t("staffReports.footnotes.deleted")}</li>
          <li>{t("staffReports.footnotes.newMeans")}</li>
        </ol>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staffReports.meta"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
