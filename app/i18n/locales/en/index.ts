import type { Catalog } from "../nb";
import common from "./common";
import members from "./members";
import activities from "./activities";
import safety from "./safety";
import calendar from "./calendar";
import staff from "./staff";
import staffWeek from "./staff-week";
import door from "./door";
import staffAudit from "./staff-audit";

const en: Catalog = {
  ...common,
  ...members,
  ...activities,
  ...safety,
  ...calendar,
  ...staff,
  ...staffWeek,
  ...door,
  ...staffAudit,
  validation: {
    ...common.validation,
    ...members.validation,
    ...activities.validation,
    ...safety.validation,
    ...staff.validation,
  },
};

export default en;
