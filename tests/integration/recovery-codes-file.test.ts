import { action } from "~/routes/recovery-codes[.]txt";
import { call } from "./support/staff";

const post = (fields: Array<[string, string]>) =>
  new Request("http://localhost/recovery-codes.txt", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

describe("saving recovery codes as a file", () => {
  it("answers the posted codes as a plain text attachment with a neutral name, never cached", async () => {
    const codes = ["ABCD-EFGH-JKMN-PQRS-TVWX", "0123-4567-89AB-CDEF-GHJK"];
    const response = (await action({
      request: post(codes.map((c) => ["code", c])),
      params: {},
      context: {} as never,
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="codes.txt"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.text()).toBe("ABCD-EFGH-JKMN-PQRS-TVWX\r\n0123-4567-89AB-CDEF-GHJK\r\n");
  });

  it.each([
    ["no codes", []],
    ["text that is not a code", [["code", "<script>alert(1)</script>"]]],
    ["a header injection", [["code", "AAAA-BBBB\r\nSet-Cookie: x=1"]]],
    ["too many codes", Array.from({ length: 17 }, () => ["code", "AAAA-BBBB-CCCC-DDDD-EEEE"])],
  ] as Array<[string, Array<[string, string]>]>)("refuses %s with 400 and echoes nothing", async (_name, fields) => {
    const res = await call(action, "/recovery-codes.txt", { fields });
    expect(res.status).toBe(400);
  });
});
