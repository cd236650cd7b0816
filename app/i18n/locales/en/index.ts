import type { Catalog } from "../nb";
import common from "./common";
import members from "./members";
import activities from "./activities";
import safety from "./safety";
import calendar from "./calendar";
import staff from "./staff";
import notices from "./notices";
import staffNotices from "./staff-notices";

const en: Catalog = {
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
};

export default en;
