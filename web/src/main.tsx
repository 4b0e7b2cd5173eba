import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadDashboard } from './app';
import { t } from './shared/i18n/i18n';
import { LanguageRoot } from './shared/i18n/language-root';
import { SessionProvider } from './shared/session/session';
import './styles.css';

// The dashboard's chunk (the charting code) downloads while the app starts, not after.
if (window.location.pathname === '/') void loadDashboard();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider fallback={<p className="page-loading">{t('web.common.loadingApp')}</p>}>
      <LanguageRoot>
        <App />
      </LanguageRoot>
    </SessionProvider>
  </StrictMode>,
);
