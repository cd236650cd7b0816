// Norsk bokmål: the default language and the source of every key. Each feature keeps its own
// part (one file each) so catalogs stay readable; the Catalog type makes every language complete.
// Each part may add messages under `validation`, merged below.
import common from "./common";
import members from "./members";
import activities from "./activities";
import safety from "./safety";
import calendar from "./calendar";
import staff from "./staff";
import push from "./push";
import staffSeries from "./staff-series";
import memberSeries from "./member-series";
import staffAttendance from "./staff-attendance";
import staffReports from "./staff-reports";
import interest from "./interest";
import staffDemand from "./staff-demand";
import staffWeek from "./staff-week";
import door from "./door";
import staffAudit from "./staff-audit";
import notices from "./notices";
import staffNotices from "./staff-notices";
import staffSlips from "./staff-slips";
import staffPaging from "./staff-paging";

const nb = {
  ...common,
  ...members,
  ...activities,
  ...safety,
  ...calendar,
  ...staff,
  ...push,
  ...staffSeries,
  ...memberSeries,
  ...staffAttendance,
  ...staffReports,
  ...interest,
  ...staffDemand,
  ...staffWeek,
  ...door,
  ...staffAudit,
  ...notices,
  ...staffNotices,
  ...staffSlips,
  ...staffPaging,
  validation: {
    ...common.validation,
    ...members.validation,
    ...activities.validation,
    ...safety.validation,
    ...staff.validation,
    ...staffSeries.validation,
    ...interest.validation,
    ...staffNotices.validation,
    ...staffSlips.validation,
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every catalog must have exactly these keys; the type checker enforces it. */
export type Catalog = Widen<typeof nb>;
export default nb;
