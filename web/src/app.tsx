// The pages and their addresses. The list is in the first bundle; the other pages, and the
// charting code above all, load when first opened.
import { t } from './shared/i18n/i18n';
import { lazy, Suspense, type ComponentType } from 'react';
import { AccountsPage } from './features/accounts/accounts-page';
import { AppShell } from './features/shell/app-shell';
import { NotFoundPage } from './features/shell/not-found-page';
import { SignInPage } from './features/sign-in/sign-in-page';
import { matchRoute, type Params } from './shared/router/match-route';
import { useLocation } from './shared/router/navigation';
import { useSession } from './shared/session/session';
import { PageErrorBoundary } from './shared/ui/page-error-boundary';

const ProfilePage = lazy(() => import('./features/profile/profile-page'));
const ImportPage = lazy(() => import('./features/import/import-page'));
const DuplicatesPage = lazy(() => import('./features/duplicates/duplicates-page'));
const SettingsPage = lazy(() => import('./features/settings/settings-page'));
/** Started early by main.tsx when the dashboard is the page opened, beside the session check. */
export const loadDashboard = () => import('./features/dashboard/dashboard-page');
const DashboardPage = lazy(loadDashboard);

interface Route {
  path: string;
  page: ComponentType<{ params: Params }>;
}

const ROUTES: Route[] = [
  { path: '/', page: DashboardPage },
  { path: '/accounts', page: AccountsPage },
  { path: '/accounts/:id', page: ProfilePage },
  { path: '/import', page: ImportPage },
  { path: '/duplicates', page: DuplicatesPage },
  { path: '/settings', page: SettingsPage },
];

function findRoute(pathname: string): { page: Route['page']; params: Params } | null {
  for (const route of ROUTES) {
    const params = matchRoute(route.path, pathname);
    if (params) return { page: route.page, params };
  }
  return null;
}

export function App() {
  const { user } = useSession();
  const { pathname } = useLocation();
  if (!user) return <SignInPage />;
  const found = findRoute(pathname);
  const Page = found?.page ?? NotFoundPage;
  return (
    <AppShell>
      <PageErrorBoundary key={pathname}>
        <Suspense fallback={<p className="page-loading">{t('web.common.loading')}</p>}>
          <Page params={found?.params ?? {}} />
        </Suspense>
      </PageErrorBoundary>
    </AppShell>
  );
}
