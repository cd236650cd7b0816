// What staff do to one member: deactivate her, or issue a reset code.
import { z } from "zod";

export const memberActionSchema = z.object({
  intent: z.enum(["deactivate", "resetCode"]),
  memberId: z.string().min(1).max(64),
});

/** An invite code in readable groups of four, for a slip of paper. */
export function codeInGroups(code: string): string {
  return (
    code
      .replace(/-/g, "")
      .match(/.{1,4}/g)
      ?.join(" ") ?? code
  );
}
