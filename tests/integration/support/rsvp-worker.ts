// Runs in a worker thread with its own connection to the same database (a SQLite file or a
// PostgreSQL URL): "going" answers from
// another connection, as a second server process would send them. It says "ready" once loaded
// and answers on "go", so all connections start together.
import { parentPort, workerData } from "node:worker_threads";
import { isPostgresUrl, openConfiguredDatabase } from "../../../db/connection";
import { rsvpGoing } from "~/features/answers/answers.server";

const { filename, activityId, members } = workerData as {
  filename: string;
  activityId: string;
  members: Array<{ memberId: string; chapterId: string }>;
};

const { db } = openConfiguredDatabase(isPostgresUrl(filename) ? { url: filename } : { path: filename });
parentPort?.once("message", async () => {
  try {
    const outcomes = await Promise.all(
      members.map((m) =>
        rsvpGoing(
          db,
          { id: m.memberId, chapterId: m.chapterId },
          { activityId, note: null, showPseudonym: false },
        ).catch((e: Error) => ({ error: e.message })),
      ),
    );
    parentPort?.postMessage({ outcomes });
  } finally {
    await db.destroy();
  }
});
parentPort?.postMessage({ ready: true });
