// The credential fields of the sign-in forms (member sign-in, joining, reset, the passphrase change
// on My page, staff sign-in, its TOTP step and TOTP set-up): one place for the input type, the
// autocomplete hint password managers rely on, and the length the server accepts.
import type { ComponentProps } from "react";
import { CheckboxField, TextField } from "./forms";

type TextFieldProps = ComponentProps<typeof TextField>;
type FieldProps = Omit<TextFieldProps, "name"> & { name?: string };

/** A member's pseudonym, which is also the user name for password managers. */
export function PseudonymField({ name = "pseudonym", ...props }: FieldProps) {
  return <TextField name={name} autoComplete="username" spellCheck={false} maxLength={100} {...props} />;
}

/** A passphrase or password: the one in use ("current") or a new one ("new"). */
export function PassphraseField({
  name = "passphrase",
  purpose,
  ...props
}: FieldProps & { purpose: "current" | "new" }) {
  return (
    <TextField
      name={name}
      type="password"
      autoComplete={purpose === "current" ? "current-password" : "new-password"}
      maxLength={1000}
      {...props}
    />
  );
}

/** A code typed from paper or an app: an invite, reset, recovery or TOTP code. */
export function CodeField({ name = "code", ...props }: FieldProps) {
  return (
    <TextField name={name} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} {...props} />
  );
}

/** "This is my own device": a long session instead of a short one. */
export function OwnDeviceField(props: Omit<ComponentProps<typeof CheckboxField>, "name">) {
  return <CheckboxField name="ownDevice" {...props} />;
}
