// The signed-in user's language: saved with their account, so it follows them to any browser.
import { useId, useState } from 'react';
import { useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { LANGUAGES, languageFor, t, type Language } from './i18n';
import { useLanguage } from './language-root';

export function LanguageMenu() {
  const { user, changeLanguage } = useSession();
  useLanguage();
  const [error, setError] = useState<unknown>();
  const id = useId();
  return (
    <span className="language-menu">
      <label htmlFor={id} className="visually-hidden">{t('web.shell.language')}</label>
      <select id={id} value={user?.language ?? ''} onChange={(e) => {
        setError(undefined);
        changeLanguage((e.target.value || null) as Language | null).catch(setError);
      }}>
        <option value="">{t('web.shell.browserLanguage', { language: t(`labels.language.${languageFor(null)}`) })}</option>
        {LANGUAGES.map((l) => <option key={l} value={l} lang={l}>{t(`labels.language.${l}`)}</option>)}
      </select>
      <ErrorMessage error={error} />
    </span>
  );
}
