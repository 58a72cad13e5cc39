import { isPopupBlocked, isSignInFailure } from '@/application/failure-words';

/**
 * Why signing in failed and what to do, in words: MSAL's and Entra's own text ("Lifetime
 * validation failed, the token is expired.", AADSTS codes) never shows. The app's own sign-in
 * errors (cancelled, pop-ups not allowed) keep their words.
 */
export function describeSignInFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'Signing you in did not complete. Select Sign in to try again.';
  if (error.name === 'SignInError') return error.message;
  if (isPopupBlocked(error)) return 'The sign-in window was blocked. Allow pop-ups for this app, then select Sign in.';
  if (isSignInFailure(error)) return 'Your sign-in has expired. Select Sign in to sign in again.';
  return 'Signing you in did not complete. Check your connection, then select Sign in to try again.';
}
