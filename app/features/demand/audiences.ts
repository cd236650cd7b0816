// Who a wished-for network is for. Apart from the county list, so pages can use it without
// bringing the 357 municipalities into the browser's bundle.
import type { Audience } from "../../../db/schema";

export const AUDIENCES: readonly Audience[] = ["women", "men", "everyone"];
