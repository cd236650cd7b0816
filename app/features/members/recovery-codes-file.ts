// "Save as a file" on the recovery-code page: the codes the page posts, checked to be code-shaped,
// become a plain text file. Nothing is stored or logged.

/** Groups of four Crockford characters (app/platform/secrets.server.ts), as the page shows them. */
const CODE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){1,9}$/;
const MAX_CODES = 16;

/** The file's text, or undefined when the form holds anything but 1 to 16 codes. */
export function recoveryCodesFileText(form: FormData): string | undefined {
  const codes = form.getAll("code");
  if (codes.length === 0 || codes.length > MAX_CODES || !codes.every((c) => typeof c === "string" && CODE.test(c))) {
    return undefined;
  }
  return codes.join("\r\n") + "\r\n";
}
