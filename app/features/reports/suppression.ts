/**
 * Small-count suppression for figures published outside the staff who ran an activity (reports,
 * demand). Pure: no database, no i18n, no Node APIs; safe in components and on the server.
 *
 * API (kept stable; the demand map and the reports both use it):
 *
 *   suppressFigure(value, options?)        -> SuppressedFigure       one lone figure (primary only)
 *   suppressList({ counts, total? }, options?)
 *                                          -> SuppressedList         counts with their total
 *   suppressTable({ cells, rowTotals?, columnTotals?, grandTotal? }, options?)
 *                                          -> SuppressedTable        cells with row, column and grand totals
 *   figureText(figure, { threshold, complementaryMark? })
 *                                          -> "12" | "0" | "<5" | ":"
 *   isHidden(figure)                       -> true for "small" and "complementary"
 *   DEFAULT_THRESHOLD = 5, COMPLEMENTARY_MARK = ":"
 *
 *   options: { threshold?: number (default 5); additive?: boolean (default true) }
 *
 * A SuppressedFigure is { kind: "shown", value } (zero is always shown), { kind: "small" } (a figure
 * from 1 to threshold-1, shown as "<5"), or { kind: "complementary" } (a figure hidden only so that a
 * small one cannot be worked out from the totals; shown with COMPLEMENTARY_MARK, which a legend must
 * explain, because writing "<5" there would be false). The true value of a hidden figure is never in
 * the result, so nothing downstream can leak it by accident.
 *
 * Method (docs/decisions/034): primary suppression of 1..threshold-1, then complementary suppression
 * until (a) no hidden figure is uniquely determined by the published equations (each row, each
 * column, and the totals' own sums), checked exactly by row reduction over the integers, and (b) in
 * every equation whose total is published, the hidden part adds up to at least the threshold (so two
 * hidden ones that sum to 2 cannot both be read as 1). Candidates are the smallest non-zero published
 * cells in the row or column where a determined figure is most alone, preferring one that closes a
 * rectangle with other hidden cells;
 * totals are hidden only when no cell can do the job. Totals given by the caller that are not the
 * sums of their cells (e.g. unique participants over months) take `additive: false`: then no
 * equations hold and only primary suppression applies.
 */

export const DEFAULT_THRESHOLD = 5;
/** Statistics Norway's symbol for "not published, to protect confidentiality". */
export const COMPLEMENTARY_MARK = ":";

export type SuppressedFigure = { kind: "shown"; value: number } | { kind: "small" } | { kind: "complementary" };

export type SuppressionOptions = { threshold?: number; additive?: boolean };

export type SuppressedList = { counts: SuppressedFigure[]; total: SuppressedFigure; threshold: number };

export type SuppressedTable = {
  cells: SuppressedFigure[][];
  rowTotals: SuppressedFigure[];
  columnTotals: SuppressedFigure[];
  grandTotal: SuppressedFigure;
  threshold: number;
};

type Equation = { members: number[]; total: number };
type Hidden = "small" | "complementary";

function thresholdOf(options: SuppressionOptions | undefined): number {
  const threshold = options?.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError("threshold must be a positive integer");
  return threshold;
}

function checkCount(value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError("counts must be non-negative integers");
}

function isSmall(value: number, threshold: number): boolean {
  return value >= 1 && value < threshold;
}

export function suppressFigure(value: number, options?: SuppressionOptions): SuppressedFigure {
  checkCount(value);
  return isSmall(value, thresholdOf(options)) ? { kind: "small" } : { kind: "shown", value };
}

export function isHidden(figure: SuppressedFigure): boolean {
  return figure.kind !== "shown";
}

export function figureText(
  figure: SuppressedFigure,
  {
    threshold = DEFAULT_THRESHOLD,
    complementaryMark = COMPLEMENTARY_MARK,
  }: { threshold?: number; complementaryMark?: string } = {},
): string {
  if (figure.kind === "shown") return String(figure.value);
  if (figure.kind === "small") return `<${threshold}`;
  return complementaryMark;
}

function at<T>(list: readonly T[], index: number): T {
  if (index < 0 || index >= list.length) throw new RangeError("index out of range");
  return list[index] as T;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * The hidden quantities whose value the published equations pin down. Row-reduces the equations
 * restricted to the hidden unknowns (integer arithmetic, exact); an unknown is determined exactly
 * when it is a pivot whose reduced row has no other non-zero entry.
 */
function determinedUnknowns(hidden: Set<number>, equations: Equation[]): number[] {
  const unknowns = [...hidden].sort((a, b) => a - b);
  const column = new Map(unknowns.map((q, i) => [q, i]));
  const rows: number[][] = [];
  for (const equation of equations) {
    const row = new Array<number>(unknowns.length).fill(0);
    for (const member of equation.members) {
      const i = column.get(member);
      if (i !== undefined) row[i] = (row[i] ?? 0) + 1;
    }
    const t = column.get(equation.total);
    if (t !== undefined) row[t] = (row[t] ?? 0) - 1;
    if (row.some((v) => v !== 0)) rows.push(row);
  }
  const pivots: { row: number; column: number }[] = [];
  let next = 0;
  for (let c = 0; c < unknowns.length && next < rows.length; c++) {
    const found = rows.findIndex((row, i) => i >= next && at(row, c) !== 0);
    if (found === -1) continue;
    const pivotRow = at(rows, found);
    rows[found] = at(rows, next);
    rows[next] = pivotRow;
    for (let r = 0; r < rows.length; r++) {
      const row = at(rows, r);
      if (r === next || at(row, c) === 0) continue;
      const a = at(pivotRow, c);
      const b = at(row, c);
      const reduced = row.map((v, i) => a * v - b * at(pivotRow, i));
      const divisor = reduced.reduce((g, v) => gcd(g, v), 0) || 1;
      rows[r] = reduced.map((v) => v / divisor);
    }
    pivots.push({ row: next, column: c });
    next += 1;
  }
  return pivots
    .filter(({ row, column: c }) => at(rows, row).every((v, i) => i === c || v === 0))
    .map(({ column: c }) => at(unknowns, c));
}

/** Runs primary then complementary suppression over quantities linked by equations. */
function suppressQuantities(
  values: number[],
  equations: Equation[],
  totals: Set<number>,
  threshold: number,
  additive: boolean,
): (Hidden | null)[] {
  const marks: (Hidden | null)[] = values.map((v) => (isSmall(v, threshold) ? "small" : null));
  if (!additive || !marks.some(Boolean)) return marks;
  const hidden = () => new Set(marks.flatMap((m, i) => (m ? [i] : [])));
  const equationsOf = (q: number) => equations.filter((e) => e.total === q || e.members.includes(q));
  const isCandidate = (q: number) => marks[q] === null && at(values, q) > 0;

  // Smallest non-zero published cell among these equations' members, preferring one whose other
  // equations already hold a hidden figure (it closes a rectangle); a total only if no cell will do.
  const pickFrom = (pool: Equation[]): number | undefined => {
    const cells = [...new Set(pool.flatMap((e) => e.members))].filter((q) => isCandidate(q) && !totals.has(q));
    if (cells.length > 0) {
      const score = (q: number) => {
        const closes = equationsOf(q).some((e) => !pool.includes(e) && [e.total, ...e.members].some((m) => marks[m]));
        return { closes: closes ? 0 : 1, value: at(values, q) };
      };
      return cells.sort((a, b) => {
        const [sa, sb] = [score(a), score(b)];
        return sa.closes - sb.closes || sa.value - sb.value || a - b;
      })[0];
    }
    const pooledTotals = [...new Set(pool.flatMap((e) => [e.total, ...e.members]))].filter(
      (q) => isCandidate(q) && totals.has(q),
    );
    return pooledTotals.sort((a, b) => at(values, a) - at(values, b) || a - b)[0];
  };
  const anyCandidate = () =>
    values
      .map((v, q) => ({ v, q }))
      .filter(({ q }) => isCandidate(q))
      .sort((a, b) => a.v - b.v || a.q - b.q)[0]?.q;

  for (let guard = 0; guard <= values.length; guard++) {
    const determined = determinedUnknowns(hidden(), equations);
    let pick: number | undefined;
    if (determined.length > 0) {
      // Work on the equation that leaves a determined figure most alone: one more hidden figure there
      // is what stops it being read off.
      const hiddenIn = (e: Equation) => [e.total, ...e.members].filter((m) => marks[m]).length;
      const loneliest = determined
        .flatMap(equationsOf)
        .filter((e) => [e.total, ...e.members].some(isCandidate))
        .sort((a, b) => hiddenIn(a) - hiddenIn(b))[0];
      pick = (loneliest ? pickFrom([loneliest]) : undefined) ?? anyCandidate();
    } else {
      const weak = equations.find((e) => {
        if (marks[e.total]) return false;
        const hiddenSum = e.members.filter((m) => marks[m]).reduce((sum, m) => sum + at(values, m), 0);
        return hiddenSum > 0 && hiddenSum < threshold;
      });
      if (!weak) break;
      pick = pickFrom([weak]) ?? anyCandidate();
    }
    if (pick === undefined) break;
    marks[pick] = "complementary";
  }
  return marks;
}

function toFigure(value: number, mark: Hidden | null): SuppressedFigure {
  return mark ? { kind: mark } : { kind: "shown", value };
}

export function suppressList(
  { counts, total }: { counts: number[]; total?: number },
  options?: SuppressionOptions,
): SuppressedList {
  const threshold = thresholdOf(options);
  counts.forEach(checkCount);
  const sum = counts.reduce((a, b) => a + b, 0);
  const totalValue = total ?? sum;
  checkCount(totalValue);
  const additive = (options?.additive ?? true) && totalValue === sum;
  const values = [...counts, totalValue];
  const totalIndex = counts.length;
  const marks = suppressQuantities(
    values,
    [{ members: counts.map((_, i) => i), total: totalIndex }],
    new Set([totalIndex]),
    threshold,
    additive,
  );
  return {
    counts: counts.map((v, i) => toFigure(v, at(marks, i))),
    total: toFigure(totalValue, at(marks, totalIndex)),
    threshold,
  };
}

export function suppressTable(
  input: { cells: number[][]; rowTotals?: number[]; columnTotals?: number[]; grandTotal?: number },
  options?: SuppressionOptions,
): SuppressedTable {
  const threshold = thresholdOf(options);
  const { cells } = input;
  const rowCount = cells.length;
  const columnCount = rowCount > 0 ? at(cells, 0).length : (input.columnTotals?.length ?? 0);
  if (cells.some((row) => row.length !== columnCount)) throw new RangeError("every row needs the same number of cells");
  cells.flat().forEach(checkCount);
  const rowSums = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: columnCount }, (_, j) => cells.reduce((a, row) => a + at(row, j), 0));
  const rowTotals = input.rowTotals ?? rowSums;
  const columnTotals = input.columnTotals ?? columnSums;
  const grandTotal = input.grandTotal ?? rowSums.reduce((a, b) => a + b, 0);
  [...rowTotals, ...columnTotals, grandTotal].forEach(checkCount);
  if (rowTotals.length !== rowCount || columnTotals.length !== columnCount) {
    throw new RangeError("one total per row and per column");
  }
  const sumsHold =
    rowTotals.every((t, i) => t === rowSums[i]) &&
    columnTotals.every((t, j) => t === columnSums[j]) &&
    grandTotal === rowSums.reduce((a, b) => a + b, 0);
  const additive = (options?.additive ?? true) && sumsHold;

  const cell = (i: number, j: number) => i * columnCount + j;
  const rowTotal = (i: number) => rowCount * columnCount + i;
  const columnTotal = (j: number) => rowCount * columnCount + rowCount + j;
  const grand = rowCount * columnCount + rowCount + columnCount;
  const values = [...cells.flat(), ...rowTotals, ...columnTotals, grandTotal];
  const rows = Array.from({ length: rowCount }, (_, i) => i);
  const columns = Array.from({ length: columnCount }, (_, j) => j);
  const equations: Equation[] = [
    ...rows.map((i) => ({ members: columns.map((j) => cell(i, j)), total: rowTotal(i) })),
    ...columns.map((j) => ({ members: rows.map((i) => cell(i, j)), total: columnTotal(j) })),
    { members: rows.map(rowTotal), total: grand },
    { members: columns.map(columnTotal), total: grand },
  ];
  const totals = new Set([...rows.map(rowTotal), ...columns.map(columnTotal), grand]);
  const marks = suppressQuantities(values, equations, totals, threshold, additive);
  return {
    cells: rows.map((i) => columns.map((j) => toFigure(at(at(cells, i), j), at(marks, cell(i, j))))),
    rowTotals: rows.map((i) => toFigure(at(rowTotals, i), at(marks, rowTotal(i)))),
    columnTotals: columns.map((j) => toFigure(at(columnTotals, j), at(marks, columnTotal(j)))),
    grandTotal: toFigure(grandTotal, at(marks, grand)),
    threshold,
  };
}
