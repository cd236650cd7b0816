// `npx tsx scripts/generate-norway-areas.ts <folder>`: regenerates the vendored list of Norway's
// counties and municipalities (app/features/demand/data/norway-areas.ts) and the simplified county
// outlines for the staff demand map (app/features/demand/data/county-outlines.server.ts).
//
// <folder> is a checkout of https://github.com/robhop/fylker-og-kommuner (Kartverket's
// administrative units, 2024 edition, CC BY 4.0), which holds Fylker-S.geojson and
// Kommuner-S.geojson (WGS 84). The outlines are projected (Lambert conformal conic, standard
// parallels 60° and 70° N, centred on 15° E), simplified (Douglas–Peucker, islands under a few
// pixels dropped) and written as SVG path data, so the map is a few kilobytes and the browser
// never receives the geometry source.
import fs from "node:fs";
import path from "node:path";

const SOURCE_REPO = "https://github.com/robhop/fylker-og-kommuner";
const SOURCE_COMMIT = "ae8782500090144c2b74d6bb2a89365a7ff2236d";
const LICENCE = "CC BY 4.0, © Kartverket (https://creativecommons.org/licenses/by/4.0/)";
const MAP_WIDTH = 400;
const TOLERANCE = 0.9; // px: Douglas–Peucker distance
const MIN_RING_AREA = 6; // px²: smaller islands are left out

type Position = [number, number];
type Ring = Position[];
interface Feature {
  properties: Record<string, string>;
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
}

const folder = process.argv[2];
if (!folder) {
  console.error("usage: tsx scripts/generate-norway-areas.ts <checkout of robhop/fylker-og-kommuner>");
  process.exit(1);
}
const read = (name: string) =>
  (JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) as { features: Feature[] }).features;
const counties = read("Fylker-S.geojson");
const municipalities = read("Kommuner-S.geojson");
const today = new Date().toISOString().slice(0, 10);

// Lambert conformal conic on the sphere.
const rad = Math.PI / 180;
const [phi1, phi2, phi0, lambda0] = [60 * rad, 70 * rad, 65 * rad, 15 * rad];
const t = (phi: number) => Math.tan(Math.PI / 4 + phi / 2);
const n = Math.log(Math.cos(phi1) / Math.cos(phi2)) / Math.log(t(phi2) / t(phi1));
const F = (Math.cos(phi1) * t(phi1) ** n) / n;
const rho0 = F / t(phi0) ** n;
function project([lon, lat]: Position): Position {
  const rho = F / t(lat * rad) ** n;
  const theta = n * (lon * rad - lambda0);
  return [rho * Math.sin(theta), -(rho0 - rho * Math.cos(theta))];
}

const polygonsOf = (f: Feature): Ring[][] =>
  f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
const projected = counties.map((f) => ({ f, polygons: polygonsOf(f).map((p) => p.map((r) => r.map(project))) }));
const all = projected.flatMap((c) => c.polygons.flat(2));
const minX = Math.min(...all.map((p) => p[0]));
const maxX = Math.max(...all.map((p) => p[0]));
const minY = Math.min(...all.map((p) => p[1]));
const maxY = Math.max(...all.map((p) => p[1]));
const scale = MAP_WIDTH / (maxX - minX);
const height = Math.ceil((maxY - minY) * scale);
const toMap = ([x, y]: Position): Position => [(x - minX) * scale, (y - minY) * scale];

function simplify(points: Ring, tolerance: number): Ring {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const length = Math.hypot(bx - ax, by - ay) || 1;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const distance = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (distance > worstDistance) [worst, worstDistance] = [i, distance];
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// A closed ring starts and ends on one point, so it is simplified as two halves.
function simplifyRing(ring: Ring): Ring {
  const middle = Math.floor(ring.length / 2);
  return [...simplify(ring.slice(0, middle + 1), TOLERANCE).slice(0, -1), ...simplify(ring.slice(middle), TOLERANCE)];
}

const area = (ring: Ring) =>
  Math.abs(
    ring.reduce((sum, [x, y], i) => sum + x * ring[(i + 1) % ring.length]![1] - ring[(i + 1) % ring.length]![0] * y, 0),
  ) / 2;
const fmt = (v: number) => String(Math.round(v * 10) / 10);

const outlines = projected
  .map(({ f, polygons }) => {
    let largest: Ring = [];
    const d = polygons
      .flatMap((polygon) => polygon)
      .map((ring) => simplifyRing(ring.map(toMap)))
      .filter((ring) => ring.length >= 4 && area(ring) >= MIN_RING_AREA)
      .map((ring) => {
        if (area(ring) > area(largest)) largest = ring;
        return `M${ring
          .slice(0, -1)
          .map(([x, y]) => `${fmt(x)} ${fmt(y)}`)
          .join("L")}Z`;
      })
      .join("");
    // The label sits at the centre of the county's largest piece of land.
    const cx = largest.reduce((s, p) => s + p[0], 0) / largest.length;
    const cy = largest.reduce((s, p) => s + p[1], 0) / largest.length;
    return { number: f.properties.fylkesnummer!, d, label: [Math.round(cx), Math.round(cy)] as const };
  })
  .sort((a, b) => a.number.localeCompare(b.number));

const areas = counties
  .map((c) => ({
    number: c.properties.fylkesnummer!,
    name: c.properties.fylkesnavn!,
    shortName: c.properties.name!,
    municipalities: municipalities
      .filter((m) => m.properties.kommunenummer!.slice(0, 2) === c.properties.fylkesnummer)
      .map((m) => ({ number: m.properties.kommunenummer!, name: m.properties.kommunenavn! }))
      .sort((a, b) => a.name.localeCompare(b.name, "nb")),
  }))
  .sort((a, b) => a.number.localeCompare(b.number));

const header = (what: string) => `// GENERATED by scripts/generate-norway-areas.ts on ${today}: do not edit by hand.
// ${what}
// Source: Kartverket's administrative units (counties and municipalities from 1 January 2024), as
// published in ${SOURCE_REPO} (commit ${SOURCE_COMMIT}).
// Licence: ${LICENCE}.
`;

const dataDir = path.join(import.meta.dirname, "..", "app", "features", "demand", "data");
fs.mkdirSync(dataDir, { recursive: true });
fs.writeFileSync(
  path.join(dataDir, "norway-areas.ts"),
  `${header("Norway's 15 counties and 357 municipalities, with their numbers and official names (Norwegian and Sami).")}
export interface Municipality {
  number: string;
  name: string;
}
export interface County {
  number: string;
  /** the official name, with its Sami and Kven forms where it has them */
  name: string;
  /** the Norwegian name alone, for the map's labels */
  shortName: string;
  municipalities: readonly Municipality[];
}

export const COUNTIES: readonly County[] = ${JSON.stringify(areas, null, 2)};
`,
);
fs.writeFileSync(
  path.join(dataDir, "county-outlines.server.ts"),
  `${header("Simplified county outlines, projected, as SVG path data for the staff demand map (server only).")}
export const MAP_WIDTH = ${MAP_WIDTH};
export const MAP_HEIGHT = ${height};

export const COUNTY_OUTLINES: Readonly<Record<string, { d: string; label: readonly [number, number] }>> = {
${outlines.map((o) => `  "${o.number}": { d: "${o.d}", label: [${o.label.join(", ")}] },`).join("\n")}
};
`,
);
console.log(
  `${areas.length} counties, ${areas.reduce((s, c) => s + c.municipalities.length, 0)} municipalities, map ${MAP_WIDTH}×${height}`,
);
