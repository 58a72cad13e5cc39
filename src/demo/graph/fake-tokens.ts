/** The fake Graph's paging and delta tokens: opaque to the app, as Graph's are; URL-safe base64 of the fake's state. */
export function encodeToken(state: Record<string, unknown>): string {
  return btoa(JSON.stringify(state)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The state a token carries, or undefined for one the fake did not issue. */
export function decodeToken(token: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(atob(token.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
