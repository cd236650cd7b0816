import { Migrator, NO_MIGRATIONS, type Kysely, type Migration, type MigrationResultSet } from "kysely";
import * as createDomainModel from "./migrations/2026-11-26T1200_create_domain_model";
import * as appSecretsAndAnonymousAttendance from "./migrations/2026-11-26T1330_app_secrets_and_anonymous_attendance";
import * as activitiesUpcomingIndex from "./migrations/2026-11-26T1420_activities_upcoming_index";
import * as pseudonymCaseAndSkeletonKeys from "./migrations/2026-12-01T1900_pseudonym_case_and_skeleton_keys";
import * as joinReceipts from "./migrations/2026-12-01T1910_join_receipts";
import * as healthProbe from "./migrations/2026-12-01T1930_health_probe";
import * as notices from "./migrations/2026-12-02T1010_notices";
import * as offersRemindersCancellations from "./migrations/2026-12-02T1020_offers_reminders_cancellations";
import * as jobsAndPushSubscriptions from "./migrations/2026-12-02T1100_jobs_and_push_subscriptions";
import * as seriesAndDrafts from "./migrations/2026-12-02T1200_series_and_drafts";
import * as weekDoorAndNoteThreads from "./migrations/2026-12-02T1300_week_door_and_note_threads";
import * as attendance from "./migrations/2026-12-02T1400_attendance";
import * as interestCounts from "./migrations/2026-12-02T1500_interest_counts";
import * as listKeyIndexes from "./migrations/2026-12-02T1700_list_key_indexes";
import * as staffMessages from "./migrations/2026-12-02T1900_staff_messages";
import * as inviteBatches from "./migrations/2026-12-02T2000_invite_batches";

/**
 * Every migration, by its file name (without `.ts`), in the order they run. Listed by hand, not
 * read from the folder, so that the server bundle carries them: the production server runs the
 * build, never the source. A new file in db/migrations belongs here too; a unit test checks.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-26T1200_create_domain_model": createDomainModel,
  "2026-11-26T1330_app_secrets_and_anonymous_attendance": appSecretsAndAnonymousAttendance,
  "2026-11-26T1420_activities_upcoming_index": activitiesUpcomingIndex,
  "2026-12-01T1900_pseudonym_case_and_skeleton_keys": pseudonymCaseAndSkeletonKeys,
  "2026-12-01T1910_join_receipts": joinReceipts,
  "2026-12-01T1930_health_probe": healthProbe,
  "2026-12-02T1010_notices": notices,
  "2026-12-02T1020_offers_reminders_cancellations": offersRemindersCancellations,
  "2026-12-02T1100_jobs_and_push_subscriptions": jobsAndPushSubscriptions,
  "2026-12-02T1200_series_and_drafts": seriesAndDrafts,
  "2026-12-02T1300_week_door_and_note_threads": weekDoorAndNoteThreads,
  "2026-12-02T1400_attendance": attendance,
  "2026-12-02T1500_interest_counts": interestCounts,
  "2026-12-02T1700_list_key_indexes": listKeyIndexes,
  "2026-12-02T1900_staff_messages": staffMessages,
  "2026-12-02T2000_invite_batches": inviteBatches,
};

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function check(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    throw new Error(`Migration ${failed?.migrationName ?? "(unknown)"} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  return check(await createMigrator(db).migrateToLatest());
}

export async function migrateDownToNothing(db: Kysely<any>): Promise<MigrationResultSet> {
  return check(await createMigrator(db).migrateTo(NO_MIGRATIONS));
}
