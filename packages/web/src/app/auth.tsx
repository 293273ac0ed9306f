// Who is signed in: GET /api/auth/me on start, login/logout, and back to the login page on any 401. A session whose
// password was set by an administrator (mustChangePassword) sees only the password change until it is done.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api, request, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import type { LoginResponse, SessionUser } from '../api/types.ts';

type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signedIn'; user: SessionUser; mustChangePassword: boolean };

interface AuthValue {
  state: AuthState;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  /** The forced password change succeeded: the rest of the app opens. */
  passwordChanged: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

function userOf(body: unknown): SessionUser | null {
  if (typeof body !== 'object' || body === null) {
    return null;
  }
  const b = body as Record<string, unknown>;
  const u = (
    typeof b['user'] === 'object' && b['user'] !== null ? b['user'] : b
  ) as Partial<SessionUser>;
  return typeof u.username === 'string' && typeof u.role === 'string' ? (u as SessionUser) : null;
}

/** The login and me responses say whether the password must be changed first. */
export function mustChangeOf(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as Record<string, unknown>)['mustChangePassword'] === true
  );
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    request<unknown>('GET', '/api/auth/me', { quiet401: true })
      .then((body) => {
        const user = userOf(body);
        if (live) {
          setState(
            user
              ? { status: 'signedIn', user, mustChangePassword: mustChangeOf(body) }
              : { status: 'anonymous', expired: false },
          );
        }
      })
      .catch(() => {
        if (live) {
          setState({ status: 'anonymous', expired: false });
        }
      });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() =>
      setState((s) => (s.status === 'signedIn' ? { status: 'anonymous', expired: true } : s)),
    );
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await request<LoginResponse>('POST', '/api/auth/login', {
      body: { username, password },
      quiet401: true,
    });
    setCsrfToken(r.csrfToken ?? null);
    const user = userOf(r);
    if (!user) {
      throw new Error('登录响应缺少用户信息');
    }
    setState({ status: 'signedIn', user, mustChangePassword: mustChangeOf(r) });
    return user;
  }, []);

  const passwordChanged = useCallback(() => {
    setState((s) => (s.status === 'signedIn' ? { ...s, mustChangePassword: false } : s));
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const value = useMemo(
    () => ({ state, login, logout, passwordChanged }),
    [state, login, logout, passwordChanged],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) {
    throw new Error('useAuth outside AuthProvider');
  }
  return v;
}

/** The signed-in user (only inside the signed-in part of the app). */
export function useUser(): SessionUser {
  const { state } = useAuth();
  if (state.status !== 'signedIn') {
    throw new Error('useUser without a session');
  }
  return state.user;
}
