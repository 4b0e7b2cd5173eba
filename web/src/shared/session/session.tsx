// Who is signed in. Asked once at start; any call that finds the session gone signs the app out.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthenticated } from '../api/http';
import type { User } from '../api/types';
import { t, type Language } from '../i18n/i18n';

interface SessionValue {
  user: User | null;
  /** Why the user was signed out without asking, shown on the sign-in page. */
  notice: string | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Saves the user's language (null: follow the browser's). */
  changeLanguage(language: Language | null): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The server says in the page it serves who is signed in (null: nobody); undefined when it did not (a dev server). */
function userInPage(): User | null | undefined {
  const element = document.getElementById('clientele-user');
  if (!element?.textContent) return undefined;
  try {
    return JSON.parse(element.textContent) as User | null;
  } catch {
    return undefined;
  }
}

export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(userInPage);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (user === undefined) api.get<User>('/auth/me').then(setUser, () => setUser(null));
    return onUnauthenticated(() => {
      setUser((was) => {
        if (was) setNotice(t('web.session.ended'));
        return null;
      });
    });
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await api.post<{ user: User }>('/auth/sign-in', { email, password });
    setNotice(null);
    setUser(result.user);
  }, []);

  const signOut = useCallback(async () => {
    await api.post('/auth/sign-out').catch(() => undefined);
    setNotice(t('web.session.signedOut'));
    setUser(null);
  }, []);

  const changeLanguage = useCallback(async (language: Language | null) => {
    if (!user) return;
    setUser(await api.patch<User>(`/users/${user.id}`, { language }));
  }, [user]);

  const value = useMemo(() => ({ user: user ?? null, notice, signIn, signOut, changeLanguage }), [user, notice, signIn, signOut, changeLanguage]);
  if (user === undefined) return <>{fallback}</>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user, for pages that only render once someone is signed in. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser with nobody signed in');
  return user;
}
