// The report as CSV, from the published (suppressed) figures only: "<5" and the complementary
// mark are written exactly as on the page, with the legend as the last lines.
import type { PublishedFigures, PublishedReport } from "./report-figures";
import { COMPLEMENTARY_MARK, figureText } from "./suppression";

type T = (key: string, options?: Record<string, unknown>) => string;

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

export function figureCells(f: PublishedFigures, threshold: number): string[] {
  const text = (x: PublishedFigures["attendances"]) => figureText(x, { threshold });
  const ratio = (x: PublishedFigures["averagePerActivity"], suffix: string) =>
    x.kind === "shown" ? `${x.value}${suffix}` : x.kind === "hidden" ? COMPLEMENTARY_MARK : "";
  return [
    String(f.held),
    String(f.cancelled),
    text(f.attendances),
    text(f.uniqueParticipants),
    text(f.newParticipants),
    text(f.returningParticipants),
    ratio(f.averagePerActivity, ""),
    ratio(f.shareWhoCame, " %"),
  ];
}

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\n;]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}

export function reportCsv(
  report: PublishedReport,
  { t, from, to, chapterName }: { t: T; from: string; to: string; chapterName: (id: string, name: string) => string },
): string {
  const th = report.threshold;
  const header = ["", ...FIGURES.map((f) => t(`staffReports.figures.${f}`))];
  const lines: string[][] = [[t("staffReports.title"), `${from} – ${to}`], [], header];
  lines.push([t("staffReports.total"), ...figureCells(report.total, th)]);
  lines.push([], [t("staffReports.byChapter")]);
  for (const c of report.byChapter) lines.push([chapterName(c.chapterId, c.name), ...figureCells(c.figures, th)]);
  lines.push([], [t("staffReports.byAudience")]);
  for (const a of report.byAudience)
    lines.push([t(`staffReports.audiences.${a.audience}`), ...figureCells(a.figures, th)]);
  lines.push([], [t("staffReports.byMonth")]);
  for (const m of report.byMonth) lines.push([m.month, ...figureCells(m.figures, th)]);
  lines.push([], [t("staffReports.chart.title")], ["", ...report.months, t("staffReports.total")]);
  report.attendanceGrid.cells.forEach((row, i) => {
    const c = report.byChapter[i];
    lines.push([
      c ? chapterName(c.chapterId, c.name) : "",
      ...row.map((f) => figureText(f, { threshold: th })),
      figureText(report.attendanceGrid.rowTotals[i] ?? { kind: "complementary" }, { threshold: th }),
    ]);
  });
  lines.push([
    t("staffReports.total"),
    ...report.attendanceGrid.columnTotals.map((f) => figureText(f, { threshold: th })),
    figureText(report.attendanceGrid.grandTotal, { threshold: th }),
  ]);
  const legend = { threshold: th, threshold_minus: th - 1, mark: COMPLEMENTARY_MARK };
  lines.push(
    [],
    [t("staffReports.legend.small", legend)],
    [t("staffReports.legend.complementary", legend)],
    [t("staffReports.footnotes.walkIns")],
    [t("staffReports.footnotes.deleted")],
    [t("staffReports.footnotes.newMeans")],
  );
  return lines.map(csvLine).join("\r\n") + "\r\n";
}
