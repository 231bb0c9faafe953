/**
 * The read token of the signed-in user. It lives in sessionStorage: it survives reloads and
 * navigation within the tab, is not shared with other tabs, and is gone when the tab closes, so
 * a token pasted on a shared computer does not linger. (localStorage would keep it for good;
 * a cookie would be sent with every request, which the API does not need.)
 */

const TOKEN_KEY = 'maidian.readToken';

/** The stored read token, or null when signed out. */
export function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Remembers the read token for this tab. */
export function saveToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** Forgets the read token (sign out, or a 401). */
export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
