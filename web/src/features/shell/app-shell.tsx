import type { ReactNode } from 'react';
import { Link } from '../../shared/router/link';
import { useLocation } from '../../shared/router/navigation';
import { useSession, useUser } from '../../shared/session/session';
import { words } from '../../shared/ui/words';

interface NavItem {
  to: string;
  label: string;
  /** Imports and merges are for managers and admins. */
  staffOnly?: boolean;
}

const NAV: NavItem[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/accounts', label: 'Accounts' },
  { to: '/import', label: 'Import', staffOnly: true },
  { to: '/duplicates', label: 'Duplicates', staffOnly: true },
  { to: '/settings', label: 'Settings' },
];

const isCurrent = (to: string, pathname: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

export function AppShell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <Link to="/" className="brand">Clientele</Link>
        <nav aria-label="Main">
          <ul>
            {NAV.filter((item) => !item.staffOnly || user.role !== 'rep').map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={isCurrent(item.to, pathname) ? 'page' : undefined}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>{user.name} <span className="muted">({words(user.role)})</span></span>
          <button type="button" onClick={() => void signOut()}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
