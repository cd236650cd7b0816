import type { Catalog } from "../nb";
import common from "./common";
import members from "./members";
import activities from "./activities";
import safety from "./safety";
import calendar from "./calendar";
import staff from "./staff";
import interest from "./interest";
import staffDemand from "./staff-demand";

const en: Catalog = {
  ...common,
  ...members,
  ...activities,
  ...safety,
  ...calendar,
  ...staff,
  ...interest,
  ...staffDemand,
  validation: {
    ...common.validation,
    ...members.validation,
    ...activities.validation,
    ...safety.validation,
    ...staff.validation,
    ...interest.validation,
  },
};

export default en;
