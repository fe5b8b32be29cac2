import type { CookieOptions, Response } from 'express';

export const SESSION_COOKIE = 'orientir_session';
/** Readable by the page's script, which echoes it in CSRF_HEADER (double submit, bound to the session). */
export const CSRF_COOKIE = 'orientir_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function setSessionCookies(
  res: Response,
  o: { sessionToken: string; csrfToken: string; expiresAt: Date; secure: boolean },
): void {
  const base: CookieOptions = { sameSite: 'lax', secure: o.secure, path: '/', expires: o.expiresAt };
  res.cookie(SESSION_COOKIE, o.sessionToken, { ...base, httpOnly: true });
  res.cookie(CSRF_COOKIE, o.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(res: Response, secure: boolean): void {
  const base: CookieOptions = { sameSite: 'lax', secure, path: '/' };
  res.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true });
  res.clearCookie(CSRF_COOKIE, base);
}
