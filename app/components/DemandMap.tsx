// The staff demand map: Norway's counties coloured by their (suppressed) number of wishes, with a
// legend and an enlarged inset for the small counties around Oslo. The outlines come from the
// loader (server-only data); the table beside it carries the same figures for screen readers.
import { useTranslation } from "~/i18n/react";
import { DEMAND_BANDS, type DemandBand } from "~/features/demand/demand-bands";

export interface MapCounty {
  number: string;
  name: string;
  d: string;
  label: readonly [number, number];
  band: DemandBand;
  text: string;
}

// The inset: the part of the map around Oslo, enlarged, in the empty corner east of it.
const INSET_SOURCE = { x: 88, y: 405, width: 50, height: 62 };
const INSET_SCALE = 2.8;
const INSET_AT = { x: 248, y: 300 };
const INSET_COUNTIES = new Set(["03", "31", "32", "33", "39"]);

export function DemandMap({ width, height, counties }: { width: number; height: number; counties: MapCounty[] }) {
  const { t } = useTranslation();
  const inset = {
    width: INSET_SOURCE.width * INSET_SCALE,
    height: INSET_SOURCE.height * INSET_SCALE,
  };
  const shapes = (withLabels: "large" | "inset") =>
    counties
      .map((c) => (
        <path key={c.number} d={c.d} className={`demand-map__county demand-band--${c.band}`}>
          <title>{`${c.name}: ${c.text}`}</title>
        </path>
      ))
      .concat(
        counties
          .filter((c) => c.band !== "none")
          .filter((c) => (withLabels === "inset" ? INSET_COUNTIES.has(c.number) : !INSET_COUNTIES.has(c.number)))
          .map((c) => <Figure key={`f${c.number}`} county={c} scale={withLabels === "inset" ? 1 / INSET_SCALE : 1} />),
      );
  return (
    <figure className="demand-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="demand-map-title" className="demand-map__svg">
        <title id="demand-map-title">{t("staffDemand.mapAlt")}</title>
        <defs>
          <pattern id="demand-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" className="demand-hatch__bg" />
            <line x1="0" y1="0" x2="0" y2="4" className="demand-hatch__line" />
          </pattern>
          <clipPath id="demand-inset-clip">
            <rect x={INSET_SOURCE.x} y={INSET_SOURCE.y} width={INSET_SOURCE.width} height={INSET_SOURCE.height} />
          </clipPath>
        </defs>
        <g>{shapes("large")}</g>
        <rect
          x={INSET_SOURCE.x}
          y={INSET_SOURCE.y}
          width={INSET_SOURCE.width}
          height={INSET_SOURCE.height}
          className="demand-map__inset-source"
        />
        <g transform={`translate(${INSET_AT.x} ${INSET_AT.y})`}>
          <rect width={inset.width} height={inset.height} className="demand-map__inset-frame" />
          <g
            clipPath="url(#demand-inset-clip)"
            transform={`scale(${INSET_SCALE}) translate(${-INSET_SOURCE.x} ${-INSET_SOURCE.y})`}
          >
            {shapes("inset")}
          </g>
          <text x={4} y={inset.height + 13} className="demand-map__inset-label">
            {t("staffDemand.insetLabel")}
          </text>
        </g>
      </svg>
      <figcaption>
        <p className="demand-legend__title">{t("staffDemand.legendTitle")}</p>
        <ul className="demand-legend">
          {DEMAND_BANDS.map((band) => (
            <li key={band}>
              <svg width="18" height="18" aria-hidden="true" className="demand-legend__swatch">
                <rect width="18" height="18" className={`demand-band--${band}`} />
              </svg>
              {t(`staffDemand.band_${band}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The figure on a county, in a small pill, scaled so that it reads the same size in the inset. */
function Figure({ county, scale }: { county: MapCounty; scale: number }) {
  const [x, y] = county.label;
  const w = (county.text.length * 6.4 + 8) * scale;
  const h = 13 * scale;
  return (
    <g aria-hidden="true" className="demand-map__figure">
      <rect x={x - w / 2} y={y - h / 2} width={w} height={h} rx={h / 2} />
      <text x={x} y={y + 4.2 * scale} style={{ fontSize: `${11 * scale}px` }}>
        {county.text}
      </text>
    </g>
  );
}
