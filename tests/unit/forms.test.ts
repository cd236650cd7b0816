import { z } from "zod";
import { parseForm } from "~/platform/forms";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("reading a form", () => {
  const schema = z.object({ role: z.enum(["admin", "coordinator"]), count: z.string().regex(/^\d+$/) });

  it("answers invalid where the schema gave no message, for a missing value and a wrong one", () => {
    const result = parseForm(form({ count: "many" }), schema);
    expect(result).toEqual({ ok: false, errors: { role: "invalid", count: "invalid" }, values: { count: "many" } });
  });

  it("keeps the message a schema gave", () => {
    const result = parseForm(
      form({ role: "owner", count: "1" }),
      z.object({ role: z.enum(["admin"], { errorMap: () => ({ message: "staff.chooseRole" }) }) }),
    );
    expect(result).toMatchObject({ ok: false, errors: { role: "staff.chooseRole" } });
  });
});
