// The one way the app talks to the API: openapi-fetch typed by the generated schema.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.gen';

export type Schemas = components['schemas'];

const CSRF_COOKIE = 'orientir_csrf';

function csrfToken(): string | null {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : null;
}

/** The CSRF cookie lives exactly as long as the session cookie; the session cookie itself is httpOnly. */
export function hasSessionCookie(): boolean {
  return csrfToken() !== null;
}

/** Listeners told when the session has expired (401 on a request that needed one). */
const expiryListeners = new Set<() => void>();
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const token = csrfToken();
      if (token) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
  onResponse({ request, response }) {
    const url = new URL(request.url);
    const anonymousRoute =
      url.pathname.startsWith('/api/auth/login') || url.pathname.startsWith('/api/auth/password-reset');
    if (response.status === 401 && !anonymousRoute && url.pathname !== '/api/auth/me') {
      expiryListeners.forEach((l) => l());
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(csrf);
