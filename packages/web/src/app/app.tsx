// Routes: /login, then the signed-in frame with /dept/:code/*, /bureau/*, /admin/* from the module registry.
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { I18nProvider } from '../i18n/i18n.tsx';
import { PageFallback } from './page-fallback.tsx';
import { AuthProvider, useAuth } from './auth.tsx';
import { homePath } from './home-path.ts';
import { lazyPage } from './lazy-page.ts';
import { appModules, type ModuleScope } from './modules.tsx';
import { ThemeProviders } from './providers.tsx';
import './app.css';

const LoginPage = lazyPage(() => import('../modules/auth/login-page.tsx'), 'LoginPage');
// The signed-in frame (menu, header, dialogs) loads after sign-in, so the login page's JS stays small.
const SignedInFrame = lazyPage(() => import('./signed-in-frame.tsx'), 'SignedInFrame');
// A password an administrator set must be changed first: this screen only, whatever the address.
const PasswordChangePage = lazyPage(
  () => import('../modules/auth/password-change-page.tsx'),
  'PasswordChangePage',
);
const DeptLayout = lazyPage(() => import('./dept-layout.tsx'), 'DeptLayout');
const NotFound = lazyPage(() => import('./not-found.tsx'), 'NotFound');

function routesOf(scope: ModuleScope) {
  return appModules
    .filter((m) => m.scope === scope)
    .map((m) => {
      const Page = m.page;
      return <Route key={m.key} path={m.path} element={<Page />} />;
    });
}

function RequireSession() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') {
    return <PageFallback />;
  }
  if (state.status === 'anonymous') {
    const qs = new URLSearchParams();
    const next = location.pathname + location.search;
    if (next !== '/') {
      qs.set('next', next);
    }
    if (state.expired) {
      qs.set('expired', '1');
    }
    const s = qs.toString();
    return <Navigate to={s ? `/login?${s}` : '/login'} replace />;
  }
  if (state.mustChangePassword) {
    return <PasswordChangePage />;
  }
  return <SignedInFrame />;
}

function Home() {
  const { state } = useAuth();
  return state.status === 'signedIn' ? (
    <Navigate to={homePath(state.user)} replace />
  ) : (
    <Navigate to="/login" replace />
  );
}

function DeptIndex() {
  return <Navigate to="dashboard" replace />;
}

export function App() {
  return (
    <I18nProvider>
      <ThemeProviders>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<PageFallback />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route element={<RequireSession />}>
                  <Route index element={<Home />} />
                  <Route path="dept/:code" element={<DeptLayout />}>
                    <Route index element={<DeptIndex />} />
                    {routesOf('department')}
                  </Route>
                  <Route path="bureau">
                    <Route index element={<Navigate to="overview" replace />} />
                    {routesOf('bureau')}
                  </Route>
                  <Route path="admin">
                    <Route index element={<Navigate to="home" replace />} />
                    {routesOf('admin')}
                  </Route>
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </ThemeProviders>
    </I18nProvider>
  );
}
