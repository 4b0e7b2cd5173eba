import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadDashboard } from './app';
import { SessionProvider } from './shared/session/session';
import './styles.css';

// The dashboard's chunk (the charting code) downloads while the app starts, not after.
if (window.location.pathname === '/') void loadDashboard();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider fallback={<p className="page-loading">Loading Clientele…</p>}>
      <App />
    </SessionProvider>
  </StrictMode>,
);
