// The colour bands of the demand map. Hidden figures (small or complementary) share one band, so
// the map shows nothing the table does not.
import type { SuppressedFigure } from "~/features/reports/suppression";

export type DemandBand = "none" | "hidden" | "5" | "10" | "25";
export const DEMAND_BANDS: readonly DemandBand[] = ["none", "hidden", "5", "10", "25"];

export function bandOf(figure: SuppressedFigure): DemandBand {
  if (figure.kind !== "shown") return "hidden";
  if (figure.value === 0) return "none";
  if (figure.value >= 25) return "25";
  if (figure.value >= 10) return "10";
  return "5";
}
