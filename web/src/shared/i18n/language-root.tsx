// Follows the signed-in user's language (else the browser's) and re-renders everything below
// when it changes, so every text and format is in the new language at once.
import { Fragment, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useSession } from '../session/session';
import { currentLanguage, languageFor, onLanguageChange, setLanguage } from './i18n';

export const useLanguage = () => useSyncExternalStore(onLanguageChange, currentLanguage);

export function LanguageRoot({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const language = useLanguage();
  useEffect(() => setLanguage(languageFor(user?.language)), [user?.language]);
  return <Fragment key={language}>{children}</Fragment>;
}
