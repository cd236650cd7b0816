// The chapter form and the chapter's coordinators.
import { z } from "zod";
import { msg } from "~/platform/validation";
import { idList, oneLine } from "~/platform/form-fields";

export const chapterSchema = z.object({
  name: oneLine(80),
  slug: z
    .string({ required_error: msg("required") })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, msg("staff.slugFormat")),
  region: oneLine(80),
});

export const coordinatorsSchema = z.object({ coordinatorIds: idList });
