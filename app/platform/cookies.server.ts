// Reading the Cookie header. Anything a browser (or anyone) sends must not break a page, the
// quick exit above all: the maintained `cookie` parser splits the header, and a value that does
// not decode (`lang=%`, a cut-off UTF-8 sequence) counts as absent.
import { parse } from "cookie";

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  // Decoding ourselves: `cookie` hands back the raw text when decoding fails, we want nothing.
  const cookies = parse(header, { decode: (raw) => raw });
  if (!Object.hasOwn(cookies, name)) return undefined;
  const raw = cookies[name]!;
  if (!raw.includes("%")) return raw || undefined;
  try {
    return decodeURIComponent(raw) || undefined;
  } catch {
    return undefined;
  }
}
