import { t } from '../../shared/i18n/i18n';
import type { ReactNode } from 'react';
import { Link } from '../../shared/router/link';
import { useLocation } from '../../shared/router/navigation';
import { useSession, useUser } from '../../shared/session/session';
import { words } from '../../shared/ui/words';
import { LanguageMenu } from '../../shared/i18n/language-menu';

interface NavItem {
  to: string;
  label: string;
  /** Imports and merges are for managers and admins. */
  staffOnly?: boolean;
}

const NAV: NavItem[] = [
  { to: '/', label: 'web.shell.dashboard' },
  { to: '/accounts', label: 'web.shell.accounts' },
  { to: '/import', label: 'web.shell.import', staffOnly: true },
  { to: '/duplicates', label: 'web.shell.duplicates', staffOnly: true },
  { to: '/settings', label: 'web.shell.settings' },
];

const isCurrent = (to: string, pathname: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

export function AppShell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">{t('web.shell.skip')}</a>
      <header className="app-header">
        <Link to="/" className="brand">Clientele</Link>
        <nav aria-label={t('web.shell.main')}>
          <ul>
            {NAV.filter((item) => !item.staffOnly || user.role !== 'rep').map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={isCurrent(item.to, pathname) ? 'page' : undefined}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>{user.name} <span className="muted">({words(user.role, 'role')})</span></span>
          <button type="button" onClick={() => void signOut()}>{t('web.shell.signOut')}</button>
          <LanguageMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
