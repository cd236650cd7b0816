// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Wishes for a network where none exists yet, kept only as counts per month: no row says who,
// when (finer than the month) or from where (finer than the municipality).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("interest_counts")
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("county_number", "text", (c) => c.notNull())
    // "" when no municipality was chosen (a unique key treats NULLs as distinct)
    .addColumn("municipality_number", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    // "" when no language was chosen
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("interest_counts_pk", [
      "month",
      "county_number",
      "municipality_number",
      "audience",
      "language",
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("interest_counts").execute();
}
