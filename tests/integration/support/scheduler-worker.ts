// A scheduler in a process of its own, for tests/integration/scheduler.test.ts:
//   tsx scheduler-worker.ts <database file> race <out file>   runs due jobs until none is left
//   tsx scheduler-worker.ts <database file> die               dies (SIGKILL) inside a job's transaction
// Jobs of kind "write" add an audit row in the job's transaction; kind "send" appends a line to
// the out file outside any transaction, like a push would.
import fs from "node:fs";
import { openDatabase } from "../../../db/connection";
import { Scheduler } from "~/features/jobs/scheduler.server";
import { newId } from "~/platform/ids.server";

const [file, mode, out] = process.argv.slice(2);
const { db } = openDatabase(file!);
const owner = `worker-${process.pid}`;

const scheduler = new Scheduler(db, {
  owner,
  batchSize: 5,
  handlers: {
    write: {
      async run(trx, { job }) {
        await trx
          .insertInto("audit_log")
          .values({
            id: newId(),
            at: new Date().toISOString(),
            action: "job.write",
            object_type: "job",
            object_id: job.id,
            details: owner,
          })
          .execute();
        // The work is written, the done mark too, nothing committed yet: die here.
        if (mode === "die") process.kill(process.pid, "SIGKILL");
      },
    },
    send: {
      mode: "external",
      async run(_db, { job }) {
        fs.appendFileSync(out!, `${job.id} ${owner}\n`);
        // A send takes a moment, so the other process has a chance at the next job (also on a
        // loaded machine, where a process may wake late from its wait for the start signal).
        await new Promise((resolve) => setTimeout(resolve, 25));
      },
    },
  },
});

// Both workers say they are loaded (a file "<database>.ready.<pid>") and wait for a start signal
// (the file "<database>.go"), so that they overlap.
fs.writeFileSync(`${file}.ready.${process.pid}`, "");
while (!fs.existsSync(`${file}.go`)) await new Promise((resolve) => setTimeout(resolve, 5));
let idle = 0;
while (idle < 3) {
  const ran = await scheduler.runDue();
  idle = ran === 0 ? idle + 1 : 0;
}
await db.destroy();
