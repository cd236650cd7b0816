// Norsk bokmål: the default language and the source of every key. Each feature keeps its own
// part (one file each) so catalogs stay readable; the Catalog type makes every language complete.
import common from "./common";

const nb = {
  ...common,
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every catalog must have exactly these keys; the type checker enforces it. */
export type Catalog = Widen<typeof nb>;
export default nb;
