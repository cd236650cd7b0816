import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";

/** Shown once, right after the codes are made; they can be copied (with JavaScript) or saved as a file (always). */
export function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel stack" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t("recovery.title")}</h1>
      <p>{t("recovery.intro")}</p>
      <p className="notice notice--warning">{t("recovery.keepSafe")}</p>
      <RecoveryCodeList codes={codes} label={t("recovery.title")} />
      <p className="muted">{t("recovery.noEmail")}</p>
      <p>
        <Link className="button" to={continueTo}>
          {t("recovery.continue")}
        </Link>
      </p>
    </section>
  );
}

/** The codes, and the buttons that copy them (with JavaScript) or save them as a file (always). */
export function RecoveryCodeList({ codes, label }: { codes: string[]; label: string }) {
  const { t } = useTranslation();
  // The copy button needs the clipboard API, so it appears only once the page runs JavaScript.
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard?.writeText)), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("done");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <>
      <ul className="code-list" aria-label={label}>
        {codes.map((code) => (
          <li key={code} dir="ltr">
            {code}
          </li>
        ))}
      </ul>
      {/* A plain form (no client-side routing), so the browser saves the answer as a file. */}
      <form method="post" action="/recovery-codes.txt" className="button-row">
        {codes.map((code) => (
          <input key={code} type="hidden" name="code" value={code} />
        ))}
        {canCopy ? (
          <button type="button" className="button button--secondary" onClick={copy}>
            {t("recovery.copy")}
          </button>
        ) : null}
        <button type="submit" className="button button--secondary">
          {t("recovery.saveFile")}
        </button>
      </form>
      <p role="status" className="muted">
        {copied === "done" ? t("recovery.copied") : copied === "failed" ? t("recovery.copyFailed") : ""}
      </p>
    </>
  );
}
