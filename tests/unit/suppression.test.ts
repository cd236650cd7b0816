import {
  COMPLEMENTARY_MARK,
  figureText,
  isHidden,
  suppressFigure,
  suppressList,
  suppressTable,
  type SuppressedFigure,
  type SuppressedTable,
} from "~/features/reports/suppression";

// An independent check, on purpose written differently from the module: exact rational row
// reduction (BigInt fractions) and a rank comparison. A hidden quantity x_k is uniquely determined
// by the published equations exactly when adding the equation "x_k = ?" does not raise the rank.
type Fraction = [bigint, bigint];
const bgcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};
const norm = ([n, d]: Fraction): Fraction => {
  if (n === 0n) return [0n, 1n];
  const g = bgcd(n, d);
  const sign = d < 0n ? -1n : 1n;
  return [(sign * n) / g, (sign * d) / g];
};
const sub = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
const mul = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[0], a[1] * b[1]]);
const div = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1], a[1] * b[0]]);

function rank(matrix: number[][]): number {
  const m: Fraction[][] = matrix.map((row) => row.map((v) => [BigInt(v), 1n] as Fraction));
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p === -1) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]!;
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c]![0] === 0n) continue;
      const f = div(m[i]![c]!, pivot[c]!);
      m[i] = m[i]!.map((v, j) => sub(v, mul(f, pivot[j]!)));
    }
    r++;
  }
  return r;
}

/** Every hidden figure of a table whose value the published figures and the sums pin down. */
function recoverable(published: SuppressedTable): string[] {
  const names: string[] = [];
  const figures: SuppressedFigure[] = [];
  published.cells.forEach((row, i) =>
    row.forEach((f, j) => {
      names.push(`cell ${i},${j}`);
      figures.push(f);
    }),
  );
  published.rowTotals.forEach((f, i) => (names.push(`row total ${i}`), figures.push(f)));
  published.columnTotals.forEach((f, j) => (names.push(`column total ${j}`), figures.push(f)));
  names.push("grand total");
  figures.push(published.grandTotal);
  const rows = published.cells.length;
  const cols = published.columnTotals.length;
  const cell = (i: number, j: number) => i * cols + j;
  const equations: { members: number[]; total: number }[] = [];
  for (let i = 0; i < rows; i++)
    equations.push({ members: [...Array(cols).keys()].map((j) => cell(i, j)), total: rows * cols + i });
  for (let j = 0; j < cols; j++)
    equations.push({ members: [...Array(rows).keys()].map((i) => cell(i, j)), total: rows * cols + rows + j });
  const grand = figures.length - 1;
  equations.push({ members: [...Array(rows).keys()].map((i) => rows * cols + i), total: grand });
  equations.push({ members: [...Array(cols).keys()].map((j) => rows * cols + rows + j), total: grand });
  return recoverableFrom(figures, equations).map((k) => names[k]!);
}

function recoverableFrom(figures: SuppressedFigure[], equations: { members: number[]; total: number }[]): number[] {
  const unknowns = figures.flatMap((f, k) => (isHidden(f) ? [k] : []));
  const a = equations.map((e) =>
    unknowns.map((u) => e.members.filter((m) => m === u).length - (e.total === u ? 1 : 0)),
  );
  const base = rank(a);
  return unknowns.filter((u, idx) => rank([...a, unknowns.map((_, i) => (i === idx ? 1 : 0))]) === base);
}

function hiddenSumsBelowThreshold(values: number[][], published: SuppressedTable): number {
  let weak = 0;
  values.forEach((row, i) => {
    if (isHidden(published.rowTotals[i]!)) return;
    const sum = row.filter((_, j) => isHidden(published.cells[i]![j]!)).reduce((a, b) => a + b, 0);
    if (sum > 0 && sum < published.threshold) weak++;
  });
  published.columnTotals.forEach((total, j) => {
    if (isHidden(total)) return;
    const sum = values.filter((_, i) => isHidden(published.cells[i]![j]!)).reduce((a, row) => a + row[j]!, 0);
    if (sum > 0 && sum < published.threshold) weak++;
  });
  return weak;
}

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = (t: SuppressedTable) => t.cells.map((row) => row.map((f) => figureText(f, { threshold: t.threshold })));

describe("small-count suppression", () => {
  it("shows 1 to 4 as <5, keeps zero and 5 and up as they are", () => {
    expect([0, 1, 4, 5, 17].map((v) => figureText(suppressFigure(v)))).toEqual(["0", "<5", "<5", "5", "17"]);
  });

  it("takes a configurable threshold", () => {
    expect([2, 3, 10].map((v) => figureText(suppressFigure(v, { threshold: 3 }), { threshold: 3 }))).toEqual([
      "<3",
      "3",
      "10",
    ]);
    expect(() => suppressFigure(1, { threshold: 0 })).toThrow(RangeError);
  });

  it("marks complementary figures with their own mark, not <5", () => {
    expect(figureText({ kind: "complementary" })).toBe(COMPLEMENTARY_MARK);
    expect(COMPLEMENTARY_MARK).not.toBe("<5");
  });

  it("never carries the true value of a hidden figure in its result", () => {
    const result = suppressTable({
      cells: [
        [3, 20],
        [30, 40],
      ],
    });
    expect(JSON.stringify(result)).not.toMatch(/"value":3\b/);
    expect(result.cells[0]![0]).toEqual({ kind: "small" });
  });

  it("publishes a table without small figures unchanged", () => {
    const result = suppressTable({
      cells: [
        [10, 0],
        [7, 12],
      ],
    });
    expect(text(result)).toEqual([
      ["10", "0"],
      ["7", "12"],
    ]);
    expect(figureText(result.grandTotal)).toBe("29");
  });

  it("hides a lone small count in a list together with a second count, so the total does not give it away", () => {
    const result = suppressList({ counts: [12, 3, 9, 20] });
    expect(result.counts.map((f) => figureText(f))).toEqual(["12", "<5", ":", "20"]);
    expect(figureText(result.total)).toBe("44");
  });

  it("hides a list's total when no other count can protect the small one", () => {
    const result = suppressList({ counts: [3, 0, 0] });
    expect(result.counts.map((f) => figureText(f))).toEqual(["<5", "0", "0"]);
    expect(result.total.kind).toBe("small");
    const onlyOne = suppressList({ counts: [3, 8] });
    expect(isHidden(onlyOne.counts[1]!) || isHidden(onlyOne.total)).toBe(true);
  });

  it("hides more when two small counts in a list add up to less than the threshold", () => {
    const result = suppressList({ counts: [1, 1, 30, 40] });
    expect(result.counts.filter(isHidden)).toHaveLength(3);
    expect(result.counts[2]).toEqual({ kind: "complementary" });
  });

  it("leaves no hidden count of a list recoverable from the total", () => {
    const random = mulberry32(7);
    for (let n = 0; n < 300; n++) {
      const counts = Array.from({ length: 1 + Math.floor(random() * 7) }, () =>
        random() < 0.3 ? 0 : random() < 0.5 ? 1 + Math.floor(random() * 4) : Math.floor(random() * 40),
      );
      const result = suppressList({ counts });
      const figures = [...result.counts, result.total];
      const found = recoverableFrom(figures, [{ members: counts.map((_, i) => i), total: counts.length }]);
      expect({ counts, found }).toEqual({ counts, found: [] });
    }
  });

  it("suppresses a rectangle of four cells around one small cell in a table", () => {
    const result = suppressTable({
      cells: [
        [3, 20, 30],
        [15, 25, 35],
        [40, 50, 60],
      ],
    });
    expect(text(result)).toEqual([
      ["<5", ":", "30"],
      [":", ":", "35"],
      ["40", "50", "60"],
    ]);
    expect(result.rowTotals.every((f) => !isHidden(f))).toBe(true);
    expect(recoverable(result)).toEqual([]);
  });

  it("hides totals where a row has nothing else to protect its small cell", () => {
    const result = suppressTable({
      cells: [
        [2, 0],
        [10, 12],
      ],
    });
    expect(result.cells[0]![0]!.kind).toBe("small");
    expect(result.rowTotals[0]!.kind).toBe("small");
    expect(recoverable(result)).toEqual([]);
  });

  it("leaves no hidden cell or total recoverable from the row and column totals, over many tables", () => {
    const random = mulberry32(2026);
    let withSmall = 0;
    for (let n = 0; n < 400; n++) {
      const rows = 1 + Math.floor(random() * 5);
      const cols = 1 + Math.floor(random() * 6);
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () =>
          random() < 0.25 ? 0 : random() < 0.4 ? 1 + Math.floor(random() * 4) : Math.floor(random() * 60),
        ),
      );
      const result = suppressTable({ cells });
      if (result.cells.flat().some((f) => f.kind === "small")) withSmall++;
      expect({ cells, found: recoverable(result) }).toEqual({ cells, found: [] });
      expect({ cells, weak: hiddenSumsBelowThreshold(cells, result) }).toEqual({ cells, weak: 0 });
      cells.flat().forEach((v, k) => {
        const f = result.cells.flat()[k]!;
        if (v >= 1 && v < 5) expect(f.kind).toBe("small");
        if (v === 0) expect(f).toEqual({ kind: "shown", value: 0 });
        if (v >= 5) expect(f.kind).not.toBe("small");
      });
    }
    expect(withSmall).toBeGreaterThan(200);
  });

  it("hides only the small figures when the totals are not sums (unique people over months)", () => {
    const result = suppressTable(
      {
        cells: [
          [3, 8],
          [9, 9],
        ],
        rowTotals: [9, 12],
        columnTotals: [11, 14],
        grandTotal: 18,
      },
      { additive: false },
    );
    expect(text(result)).toEqual([
      ["<5", "8"],
      ["9", "9"],
    ]);
    expect(figureText(result.rowTotals[0]!)).toBe("9");
  });

  it("refuses negative or fractional counts", () => {
    expect(() => suppressList({ counts: [-1] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1.5]] })).toThrow(RangeError);
  });
});
