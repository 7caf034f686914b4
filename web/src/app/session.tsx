import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, setCsrfToken } from '../api/client.js';
import type { SessionUser } from '../api/types.js';

interface SessionState {
  user: SessionUser | null;
  loaded: boolean;
  login(name: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

export function mayReview(user: SessionUser | null): boolean {
  return user?.role === 'analyst' || user?.role === 'admin';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void (async () => {
      try {
        const me = await api.get<{ user: SessionUser | null }>('/api/me');
        setUser(me.user);
        // A page reload keeps the session cookie but loses the CSRF token held in memory.
        if (me.user) setCsrfToken((await api.get<{ csrfToken: string }>('/api/auth/csrf')).csrfToken);
      } catch {
        setUser(null);
      } finally {
        setLoaded(true);
      }
    })();
  }, []);

  const login = useCallback(async (name: string, password: string) => {
    const r = await api.post<{ user: SessionUser; csrfToken: string }>('/api/auth/login', { name, password });
    setCsrfToken(r.csrfToken);
    setUser(r.user);
  }, []);
  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {});
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  return <Ctx.Provider value={{ user, loaded, login, logout }}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
