// Who is signed in, and what happens when the session ends.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api, hasSessionCookie, onSessionExpired, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { ErrorState, PageLoader } from '../components/PageState';

export type Me = Schemas['MeView'];
export type Role = Me['grants'][number]['role'];

export const ME_KEY = ['auth', 'me'] as const;

const SessionContext = createContext<{ me: Me } | null>(null);

export function useSession(): { me: Me } {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside RequireSession');
  return session;
}

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return me.grants.some((g) => roles.includes(g.role));
}

export const MANAGER_ROLES: Role[] = ['admin', 'regional_coordinator', 'municipal_coordinator'];

/** Where a person starts: coordinators at their roadmaps, a school team at its school, a curator at its queue. */
export function homePathFor(me: Me): string {
  if (hasRole(me, ...MANAGER_ROLES)) return '/roadmaps';
  if (hasRole(me, 'school_team')) return '/our-school';
  if (hasRole(me, 'curator')) return '/reviews';
  if (hasRole(me, 'executor')) return '/my-events';
  return '/cycles';
}

/** Where to come back after signing in: only paths inside the app. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function loginPath(location: { pathname: string; search: string }): string {
  return `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/** Renders its routes for a signed-in person; anyone else goes to sign-in and comes back after. */
export function RequireSession() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Without the CSRF cookie there is no session: go to sign-in without a request that can only fail.
  const mayHaveSession = hasSessionCookie();
  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: () => unwrap(api.GET('/api/auth/me')),
    staleTime: 60_000,
    enabled: mayHaveSession,
  });

  useEffect(
    () =>
      onSessionExpired(() => {
        queryClient.removeQueries();
        void navigate(loginPath(window.location), { replace: true, state: { expired: true } });
      }),
    [navigate, queryClient],
  );

  if (!mayHaveSession && !me.data) return <Navigate to={loginPath(location)} replace />;
  if (me.isPending) return <PageLoader />;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={loginPath(location)} replace />;
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  return (
    <SessionContext.Provider value={{ me: me.data }}>
      <Outlet />
    </SessionContext.Provider>
  );
}
