// "Notifications on this device": turns Web Push on or off for this browser only, and "show a
// little more on the lock screen" for this browser only (decision 031). The service worker is
// registered only when the member turns push on, and unregistered when she turns it off, so a
// browser that never chose push holds nothing of ours.
//
// Push needs JavaScript; without it the section says so. The server side is /me/push.
import { useEffect, useId, useState } from "react";
import { useTranslation } from "~/i18n/react";

const PUSH_PATH = "/me/push";
const WORKER_PATH = "/sw.js";

type State = "checking" | "unsupported" | "installFirst" | "blocked" | "off" | "on";
type Message = "saved" | "failed" | undefined;

interface Status {
  subscribed: boolean;
  showDetails: boolean;
}

export function PushSettings({ headingLevel: Heading = "h2" }: { headingLevel?: "h2" | "h3" }) {
  const { t } = useTranslation();
  const titleId = useId();
  const detailsId = useId();
  const [state, setState] = useState<State>("checking");
  const [showDetails, setShowDetails] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();

  useEffect(() => {
    let live = true;
    void currentState().then(
      (found) => {
        if (!live) return;
        setState(found.state);
        setShowDetails(found.showDetails);
      },
      () => live && setState("off"),
    );
    return () => {
      live = false;
    };
  }, []);

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setMessage(undefined);
    try {
      await work();
    } catch {
      setMessage("failed");
    } finally {
      setBusy(false);
    }
  }

  const turnOn = () =>
    act(async () => {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState(permission === "denied" ? "blocked" : "off");
        return;
      }
      const registration = await navigator.serviceWorker.register(WORKER_PATH, { scope: "/" });
      await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: fromBase64url(await serverPublicKey()),
        }));
      const { keys } = subscription.toJSON();
      const status = await post({
        intent: "subscribe",
        endpoint: subscription.endpoint,
        p256dh: keys?.p256dh ?? "",
        auth: keys?.auth ?? "",
        showDetails: showDetails ? "1" : "0",
      });
      setState(status.subscribed ? "on" : "off");
    });

  const turnOff = () =>
    act(async () => {
      const registration = await navigator.serviceWorker.getRegistration("/");
      const subscription = await registration?.pushManager.getSubscription();
      if (subscription) {
        await post({ intent: "unsubscribe", endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      await registration?.unregister();
      setState("off");
    });

  const changeDetails = (next: boolean) => {
    setShowDetails(next);
    if (state !== "on") return;
    void act(async () => {
      const registration = await navigator.serviceWorker.getRegistration("/");
      const subscription = await registration?.pushManager.getSubscription();
      if (!subscription) throw new Error("no subscription");
      const status = await post({ intent: "details", endpoint: subscription.endpoint, showDetails: next ? "1" : "0" });
      setShowDetails(status.showDetails);
      setMessage("saved");
    });
  };

  const explanation: Partial<Record<State, string>> = {
    unsupported: t("push.settings.unsupported"),
    installFirst: t("push.settings.installFirst"),
    blocked: t("push.settings.blocked"),
    on: t("push.settings.isOn"),
    off: t("push.settings.isOff"),
  };

  return (
    <section className="panel stack push-settings" aria-labelledby={titleId}>
      <Heading id={titleId}>{t("push.settings.title")}</Heading>
      <p>{t("push.settings.intro")}</p>
      <noscript>
        <p className="notice notice--warning">{t("push.settings.needsScript")}</p>
      </noscript>
      {explanation[state] ? (
        <p className={state === "on" ? "notice notice--success" : "notice"} data-push-state={state}>
          {explanation[state]}
        </p>
      ) : null}
      {state === "on" || state === "off" ? (
        <>
          <div className="field field--checkbox">
            <input
              type="checkbox"
              id={detailsId}
              checked={showDetails}
              disabled={busy}
              aria-describedby={`${detailsId}-hint`}
              onChange={(event) => changeDetails(event.currentTarget.checked)}
            />
            <label htmlFor={detailsId} className="field__label">
              {t("push.settings.showDetails")}
            </label>
            <p id={`${detailsId}-hint`} className="field__hint">
              {t("push.settings.showDetailsHint")}
            </p>
          </div>
          <div>
            <button
              type="button"
              className={state === "on" ? "button button--secondary" : "button"}
              disabled={busy}
              onClick={() => void (state === "on" ? turnOff() : turnOn())}
            >
              {state === "on" ? t("push.settings.turnOff") : t("push.settings.turnOn")}
            </button>
          </div>
          <p className="muted">{t("push.settings.otherDevices")}</p>
        </>
      ) : null}
      <p role="status" className={message === "failed" ? "field__error" : undefined}>
        {message ? t(`push.settings.${message}`) : null}
      </p>
    </section>
  );
}

/** iPhone and iPad: Safari offers push only to a site opened from the Home Screen. */
function mustInstallFirst(): boolean {
  const appleMobile =
    /iPhone|iPad|iPod/.test(navigator.userAgent) ||
    (/Macintosh/.test(navigator.userAgent) && navigator.maxTouchPoints > 1);
  const standalone =
    (navigator as Navigator & { standalone?: boolean }).standalone === true ||
    window.matchMedia("(display-mode: standalone)").matches;
  return appleMobile && !standalone;
}

async function currentState(): Promise<{ state: State; showDetails: boolean }> {
  const supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  if (!supported || mustInstallFirst()) {
    return { state: mustInstallFirst() ? "installFirst" : "unsupported", showDetails: false };
  }
  if (Notification.permission === "denied") return { state: "blocked", showDetails: false };
  const registration = await navigator.serviceWorker.getRegistration("/");
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return { state: "off", showDetails: false };
  // The browser holds a subscription; the server says whether it is hers (another member may have
  // turned push on in this browser since, or the push service may have dropped it).
  const status = await post({ intent: "status", endpoint: subscription.endpoint });
  return { state: status.subscribed ? "on" : "off", showDetails: status.showDetails };
}

async function serverPublicKey(): Promise<string> {
  const response = await fetch(PUSH_PATH, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`public key: ${response.status}`);
  return ((await response.json()) as { publicKey: string }).publicKey;
}

async function post(fields: Record<string, string>): Promise<Status> {
  const response = await fetch(PUSH_PATH, {
    method: "POST",
    credentials: "same-origin",
    headers: { Accept: "application/json" },
    body: new URLSearchParams(fields),
  });
  if (!response.ok) throw new Error(`push settings: ${response.status}`);
  const body = (await response.json()) as Partial<Status>;
  return { subscribed: body.subscribed === true, showDetails: body.showDetails === true };
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
