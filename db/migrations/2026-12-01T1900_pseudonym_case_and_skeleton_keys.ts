// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Write a new migration instead.
//
// Pseudonym keys, recomputed (issue 10, item 3). The old key lower-cased before the confusables
// map, which let "Ηiba" (Greek capital Eta) pass beside "Hiba", and skipped NFD, which let "Zoё"
// (Cyrillic io) pass beside "Zoë". Every member gets the new look-alike key and a new case-only
// key (`pseudonym_case_key`, unique too; sign-in tries it first).
//
// The two functions below are a FROZEN COPY of `pseudonymKey` and `pseudonymCaseKey` in
// app/features/members/pseudonym.ts as they were when this migration was written (migrations never import
// app/). They use the confusables data of the installed `unhomoglyph` package, as the app does.
//
// Two existing members may now collide (one was let through by the old key). Nobody loses an
// account: the member who joined first keeps the key; the later one gets a key no typed name can
// produce ("#" and her id), keeps her pseudonym, and still signs in with it, because sign-in looks
// up the case-only key first. The same holds for a collision of case-only keys.
import type { Kysely } from "kysely";
import unhomoglyph from "unhomoglyph";

function normalizePseudonym(input: string): string {
  return input.normalize("NFC").trim().replace(/ {2,}/g, " ");
}

function skeleton(text: string): string {
  return unhomoglyph(text.normalize("NFD")).normalize("NFD");
}

function pseudonymKey(pseudonym: string): string {
  const typed = skeleton(normalizePseudonym(pseudonym));
  return skeleton(skeleton(typed.toUpperCase()).toLowerCase());
}

function pseudonymCaseKey(pseudonym: string): string {
  return normalizePseudonym(pseudonym).toUpperCase().toLowerCase().normalize("NFD");
}

/** Never the key of a typed name: "#" is neither allowed in a pseudonym nor any prototype. */
const unreachable = (memberId: string) => `#${memberId}`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("members")
    .addColumn("pseudonym_case_key", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  const members = await db
    .selectFrom("members")
    .select(["id", "pseudonym"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  // Out of the way first, so no row meets another's old key while the new ones are written.
  for (const m of members) {
    await db
      .updateTable("members")
      .set({ pseudonym_key: unreachable(m.id) })
      .where("id", "=", m.id)
      .execute();
  }
  const keys = new Set<string>();
  const caseKeys = new Set<string>();
  for (const member of members) {
    const key = pseudonymKey(member.pseudonym);
    const caseKey = pseudonymCaseKey(member.pseudonym);
    const keyFree = !keys.has(key);
    const caseFree = !caseKeys.has(caseKey);
    if (keyFree) keys.add(key);
    if (caseFree) caseKeys.add(caseKey);
    await db
      .updateTable("members")
      .set({
        pseudonym_key: keyFree ? key : unreachable(member.id),
        pseudonym_case_key: caseFree ? caseKey : unreachable(member.id),
      })
      .where("id", "=", member.id)
      .execute();
  }
  await db.schema
    .createIndex("members_pseudonym_case_key_idx")
    .unique()
    .on("members")
    .column("pseudonym_case_key")
    .execute();
}

/** Development only: the old keys are not brought back. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("members_pseudonym_case_key_idx").execute();
  await db.schema.alterTable("members").dropColumn("pseudonym_case_key").execute();
}
