// Urdu (اردو): a draft translation that needs review by a native speaker (see app/i18n/TRANSLATIONS.md).
// Typed as Catalog: the type checker refuses it when Bokmål has a key it lacks.
import type { Catalog } from "../nb";
import common from "./common";
import members from "./members";
import activities from "./activities";
import safety from "./safety";
import calendar from "./calendar";
import staff from "./staff";
import notices from "./notices";
import staffNotices from "./staff-notices";

const ur: Catalog = {
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

export default ur;
