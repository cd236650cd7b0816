// The form that makes invites.
import { z } from "zod";
import { idList, wholeNumber } from "~/platform/form-fields";

export const INVITE_COUNT_MAX = 50;
export const INVITE_DAYS_MAX = 90;

export const inviteSchema = z.object({
  count: wholeNumber(1, INVITE_COUNT_MAX, "staff.inviteCount"),
  expiresInDays: wholeNumber(1, INVITE_DAYS_MAX, "staff.inviteDays"),
  groupIds: idList,
});
