import { loader } from "~/routes/healthz";
import { useTestDatabase } from "../setup/db";

const database = useTestDatabase();

describe("/healthz", () => {
  test("answers 200 while the database answers", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  test("answers 503 when the database is gone", async () => {
    database().sqlite.close();
    const response = await loader();
    expect(response.status).toBe(503);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });
});
