// "Leave quickly" (the GOV.UK "Exit this page" pattern): first in the tab order, always in view,
// and Shift pressed three times within five seconds does the same. Not Escape: browsers and
// screen readers use it.
//
// Without JavaScript it is a link to /exit, which ends the session and redirects. With JavaScript
// the page goes blank at once, /exit is told in the background (a beacon outlives the page), and
// the tab moves on with location.replace, so "back" does not return to the page that was showing.
import { useEffect } from "react";
import { useTranslation } from "~/i18n/react";

const SHIFT_PRESSES = 3;
const WITHIN_MS = 5_000;

export function QuickExit({ exitUrl }: { exitUrl: string | undefined }) {
  const { t } = useTranslation();

  useEffect(() => {
    let presses: number[] = [];
    const onKeyDown = (event: KeyboardEvent) => {
      // Shift as part of typing (a capital letter, Shift+Tab) is not a press: start again.
      if (event.key !== "Shift") {
        presses = [];
        return;
      }
      if (event.repeat) return;
      const now = event.timeStamp;
      presses = [...presses.filter((at) => now - at < WITHIN_MS), now];
      if (presses.length >= SHIFT_PRESSES) leaveQuickly(exitUrl);
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [exitUrl]);

  return (
    <div className="quick-exit">
      <a
        href="/exit"
        className="quick-exit__button"
        rel="nofollow noreferrer"
        aria-describedby="quick-exit-hint"
        onClick={(event) => {
          event.preventDefault();
          leaveQuickly(exitUrl);
        }}
      >
        {t("safety.quickExit.button")}
      </a>
      <span id="quick-exit-hint" className="visually-hidden">
        {t("safety.quickExit.hint")}
      </span>
    </div>
  );
}

function leaveQuickly(exitUrl: string | undefined) {
  document.body.hidden = true;
  document.title = "";
  // Our notifications leave the screen too; push itself stays on (decision 031).
  navigator.serviceWorker?.controller?.postMessage("close-notifications");
  if (!exitUrl) {
    // The neutral address is unknown (the root loader failed): /exit knows it.
    window.location.replace("/exit");
    return;
  }
  const told = typeof navigator.sendBeacon === "function" && navigator.sendBeacon("/exit");
  if (!told) void fetch("/exit", { method: "POST", keepalive: true, credentials: "same-origin" }).catch(() => {});
  window.location.replace(exitUrl);
}
