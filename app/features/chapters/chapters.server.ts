import type { AppDatabase } from "../../../db/connection";

/** Public: the chapter names are on the signed-out front page. */
export function listChapters(db: AppDatabase) {
  return db.selectFrom("chapters").select(["id", "slug", "name", "region"]).orderBy("name").execute();
}
