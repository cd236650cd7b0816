// The translation hook the app's components use. react-i18next's useTranslation makes a copy of the
// i18next instance (every property descriptor) and a fixed t for every component on every server
// render; with one instance per language that never changes language, one t per language is enough.
// react-i18next's provider stays around it, so code written against react-i18next still works.
import type { i18n as I18n, TFunction } from "i18next";
import { createContext, useContext, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";

export interface Translation {
  t: TFunction<"translation">;
  i18n: I18n;
}

const TranslationContext = createContext<Translation | null>(null);
const translations = new WeakMap<I18n, Translation>();

function translationFor(i18n: I18n): Translation {
  let translation = translations.get(i18n);
  if (!translation) {
    translation = { t: i18n.getFixedT(i18n.language), i18n };
    translations.set(i18n, translation);
  }
  return translation;
}

export function TranslationProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <TranslationContext.Provider value={translationFor(i18n)}>{children}</TranslationContext.Provider>
    </I18nextProvider>
  );
}

/** `const { t } = useTranslation()`: the page's language, from the nearest TranslationProvider. */
export function useTranslation(): Translation {
  const translation = useContext(TranslationContext);
  if (!translation) throw new Error("useTranslation outside a TranslationProvider");
  return translation;
}
