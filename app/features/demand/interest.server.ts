// Counting a wish for a network: one more in the month's count for the place, the audience and
// the language. Nothing else is kept: no row per wish, no time finer than the month, no client
// address, no account or session. The rate limit keeps only its usual keyed hash of the address,
// in a day-long window that the limiter deletes after the day.
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import { wallClock } from "~/platform/oslo-time";
import { hitRateLimit } from "~/platform/rate-limit.server";
import type { InterestInput } from "./interest-form";

/** Wishes one address may send per day; generous, for a shelter or a school sharing one address. */
export const INTEREST_LIMIT_PER_DAY = 20;

export type RecordInterestResult = { ok: true; month: string } | { ok: false; retryAfterSeconds: number };

/** "2026-12": the month in Oslo at `now`. */
export function osloMonth(now: Date): string {
  const { year, month } = wallClock("Europe/Oslo", now.getTime());
  return `${year}-${String(month).padStart(2, "0")}`;
}

export async function recordInterest(
  db: AppDatabase,
  scope: { client: string },
  { interest, now = new Date() }: { interest: InterestInput; now?: Date },
): Promise<RecordInterestResult> {
  const limit = await hitRateLimit(db, {
    bucket: "interest-ip",
    subject: scope.client,
    limit: INTEREST_LIMIT_PER_DAY,
    windowSeconds: 24 * 60 * 60,
    now,
  });
  if (!limit.ok) return { ok: false, retryAfterSeconds: limit.retryAfterSeconds };

  const month = osloMonth(now);
  await writeTransaction(db, (trx) =>
    trx
      .insertInto("interest_counts")
      .values({
        month,
        county_number: interest.countyNumber,
        municipality_number: interest.municipalityNumber,
        audience: interest.audience,
        language: interest.language,
        count: 1,
      })
      .onConflict((oc) =>
        oc
          .columns(["month", "county_number", "municipality_number", "audience", "language"])
          .doUpdateSet((eb) => ({ count: eb("interest_counts.count", "+", 1) })),
      )
      .execute(),
  );
  return { ok: true, month };
}
