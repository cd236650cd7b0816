// /me/push: this browser's push subscription (decision 031). A resource route for the
// PushSettings component: GET gives the server's public key to subscribe with; POST turns push
// on or off for this browser, asks whether it is on, or changes its "show details". Push needs
// JavaScript in any case, so the answers are JSON for the component's fetch calls.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { subscriptionFields } from "~/features/push/push-endpoints.server";
import {
  deviceStatus,
  setDeviceDetails,
  subscribeDevice,
  unsubscribeDevice,
} from "~/features/push/subscriptions.server";
import { vapidPublicKey } from "~/features/push/vapid.server";
import { requireMember } from "~/features/sessions/viewer.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { parseForm } from "~/platform/forms";
import { readFormData } from "~/platform/read-form.server";

const NO_STORE = { "Cache-Control": "no-store" };

/** The component reads these with fetch(): a plain JSON Response, as a resource route answers. */
function json<T>(body: T, init: ResponseInit): Response {
  return Response.json(body, init);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request);
  return json({ publicKey: await vapidPublicKey(db(), env()) }, { headers: NO_STORE });
}

const flag = z.enum(["0", "1"]).transform((v) => v === "1");
const intentSchema = z.object({ intent: z.enum(["subscribe", "unsubscribe", "status", "details"]) });
const endpointSchema = z.object({ endpoint: subscriptionFields.endpoint });
const subscribeSchema = z.object({ ...subscriptionFields, showDetails: flag });
const detailsSchema = z.object({ endpoint: subscriptionFields.endpoint, showDetails: flag });

export type PushActionData =
  | { intent: "invalid" }
  | { intent: "subscribe" | "details" | "status"; subscribed: boolean; showDetails: boolean }
  | { intent: "unsubscribe"; subscribed: false };

export async function action({ request }: ActionFunctionArgs) {
  const { member } = await requireMember(request);
  const form = await readFormData(request);
  const invalid = () => json<PushActionData>({ intent: "invalid" }, { status: 400, headers: NO_STORE });
  const intent = parseForm(form, intentSchema);
  if (!intent.ok) return invalid();
  switch (intent.data.intent) {
    case "subscribe": {
      const input = parseForm(form, subscribeSchema);
      if (!input.ok) return invalid();
      await subscribeDevice(db(), member, input.data);
      const showDetails = input.data.showDetails;
      return json<PushActionData>({ intent: "subscribe", subscribed: true, showDetails }, { headers: NO_STORE });
    }
    case "unsubscribe": {
      const input = parseForm(form, endpointSchema);
      if (!input.ok) return invalid();
      await unsubscribeDevice(db(), member, input.data);
      return json<PushActionData>({ intent: "unsubscribe", subscribed: false }, { headers: NO_STORE });
    }
    case "status": {
      const input = parseForm(form, endpointSchema);
      if (!input.ok) return invalid();
      const status = await deviceStatus(db(), member, input.data);
      return json<PushActionData>({ intent: "status", ...status }, { headers: NO_STORE });
    }
    case "details": {
      const input = parseForm(form, detailsSchema);
      if (!input.ok) return invalid();
      const subscribed = await setDeviceDetails(db(), member, input.data);
      return json<PushActionData>(
        { intent: "details", subscribed, showDetails: subscribed && input.data.showDetails },
        { headers: NO_STORE },
      );
    }
  }
}
