// Opens the browser's print dialogue. Without JavaScript the button is not shown (the browser's
// own Print works the same, and the print stylesheet applies either way).
import { useEffect, useState } from "react";

export function PrintButton({ label }: { label: string }) {
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  if (!scripted) return null;
  return (
    <button type="button" className="button button--secondary staff-print-hide" onClick={() => window.print()}>
      {label}
    </button>
  );
}
