import type { Catalog } from "../nb";
import common from "./common";

const en: Catalog = {
  ...common,
};

export default en;
