// Urdu (اردو): a draft translation that needs review by a native speaker (see app/i18n/TRANSLATIONS.md).
// Typed as Catalog: the type checker refuses it when Bokmål has a key it lacks.
import type { Catalog } from "../nb";
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

const ur: Catalog = {
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
};

export default ur;
