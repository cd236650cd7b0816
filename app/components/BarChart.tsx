// A server-rendered SVG bar chart drawn as small multiples (one row of bars per series), so it
// stays readable at phone width. Hidden values are drawn as hatched boxes with their label
// ("<5" or the complementary mark), never at a height that would tell their value.
export type ChartValue = { kind: "shown"; value: number } | { kind: "hidden"; label: string };

export interface ChartSeries {
  name: string;
  values: ChartValue[];
}

const WIDTH = 340;
const ROW = 104;
const TOP = 30;
const LEFT = 6;
const BAR_AREA = 52;

export function BarChart({
  id,
  title,
  description,
  categories,
  series,
  hiddenHeight,
  hiddenLegend,
}: {
  id: string;
  title: string;
  description: string;
  /** short labels along the bottom (months) */
  categories: string[];
  series: ChartSeries[];
  /** the height, in value units, a hidden box is drawn to (the threshold: "somewhere below this") */
  hiddenHeight: number;
  hiddenLegend: string;
}) {
  const max = Math.max(
    hiddenHeight,
    ...series.flatMap((s) => s.values.map((v) => (v.kind === "shown" ? v.value : hiddenHeight))),
    1,
  );
  const slot = (WIDTH - LEFT * 2) / Math.max(categories.length, 1);
  const barWidth = Math.min(28, slot * 0.7);
  const height = TOP + series.length * ROW + 8;
  const scale = (v: number) => (v / max) * BAR_AREA;
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMidYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="bar-chart__hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="6" className="bar-chart__hatch-line" />
        </pattern>
      </defs>
      {series.map((s, row) => {
        const base = TOP + row * ROW + BAR_AREA + 22;
        return (
          <g key={s.name} aria-hidden="true">
            <text x={LEFT} y={TOP + row * ROW + 2} className="bar-chart__series">
              {s.name}
            </text>
            <line x1={LEFT} x2={WIDTH - LEFT} y1={base} y2={base} className="bar-chart__axis" />
            {s.values.map((v, i) => {
              const x = LEFT + i * slot + (slot - barWidth) / 2;
              const h = v.kind === "shown" ? scale(v.value) : scale(hiddenHeight);
              return (
                <g key={i}>
                  <rect
                    x={x}
                    y={base - h}
                    width={barWidth}
                    height={h}
                    className={v.kind === "shown" ? "bar-chart__bar" : "bar-chart__bar bar-chart__bar--hidden"}
                    fill={v.kind === "shown" ? undefined : `url(#${id}-hatch)`}
                  />
                  <text x={x + barWidth / 2} y={base - h - 3} textAnchor="middle" className="bar-chart__value">
                    {v.kind === "shown" ? v.value : v.label}
                  </text>
                  <text x={x + barWidth / 2} y={base + 12} textAnchor="middle" className="bar-chart__category">
                    {categories[i]}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <g aria-hidden="true">
        <rect x={LEFT} y={4} width={10} height={8} fill={`url(#${id}-hatch)`} className="bar-chart__bar--hidden" />
        <text x={LEFT + 14} y={11} className="bar-chart__legend">
          {hiddenLegend}
        </text>
      </g>
    </svg>
  );
}
