// Staff write descriptions as plain text. Links become clickable, safely: only http(s), and the
// text is split into React nodes (never HTML), so nothing in it can run or style the page.
import { Fragment } from "react";

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the address ("See https://x.no.").
const TRAILING = /[.,;:!?)\]}»”’'"]+$/;

/** Splits text into plain parts and http(s) links. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    let candidate = match[0];
    // Keep a closing bracket that belongs to the address, e.g. a Wikipedia "(town)".
    const trimmed = candidate.replace(TRAILING, "");
    candidate = trimmed.includes("(") && candidate.startsWith(trimmed + ")") ? trimmed + ")" : trimmed;
    const href = safeHref(candidate);
    if (!href) continue;
    if (start > rest) parts.push({ kind: "text", text: text.slice(rest, start) });
    parts.push({ kind: "link", text: candidate, href });
    rest = start + candidate.length;
  }
  if (rest < text.length) parts.push({ kind: "text", text: text.slice(rest) });
  return parts;
}

function safeHref(candidate: string): string | undefined {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Paragraphs at blank lines, line breaks kept, links clickable. */
export function LinkifiedText({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== "");
  return (
    <>
      {paragraphs.map((paragraph, p) => (
        <p key={p} className="linkified">
          {paragraph.split("\n").map((line, l) => (
            <Fragment key={l}>
              {l > 0 ? <br /> : null}
              {linkify(line).map((part, i) =>
                part.kind === "link" ? (
                  <a key={i} href={part.href} rel="noopener noreferrer nofollow">
                    {part.text}
                  </a>
                ) : (
                  <Fragment key={i}>{part.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
