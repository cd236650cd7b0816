// Norsk bokmål: the default language and the source of every key. Each feature keeps its own
// part (one file each) so catalogs stay readable; the Catalog type makes every language complete.
// Each part may add messages under `validation`, merged below.
import common from "./common";
import members from "./members";
import activities from "./activities";
import safety from "./safety";
import calendar from "./calendar";
import staff from "./staff";
import notices from "./notices";
import staffNotices from "./staff-notices";

const nb = {
  ...common,
  ...members,
  ...activities,
  ...safety,
  ...calendar,
  ...staff,
  ...notices,
  ...staffNotices,
  validation: {
    ...common.validation,
    ...members.validation,
    ...activities.validation,
    ...safety.validation,
    ...staff.validation,
    ...staffNotices.validation,
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every catalog must have exactly these keys; the type checker enforces it. */
export type Catalog = Widen<typeof nb>;
export default nb;
