/**
 * What went wrong, in words a person can act on: never Graph's, MSAL's or the network's own text.
 * Loaded when something failed (the shell and the programme context import it lazily), so none of
 * it loads before the first suggestion.
 */

/**
 * Errors the app raises with its own words (what happened and what to do), shown as they are: its
 * named errors, by name (so wording an error loads neither the Graph errors and zod nor the Graph
 * client, booking or profile services), and a plain `Error`, which only the app's own code throws
 * with a sentence for people ("Opt in first."). Libraries, the network and the browser throw their
 * own kinds (TypeError, SyntaxError, MSAL's AuthError, DOMException), which are worded here.
 */
const OWN_WORDS = new Set([
  'Error',
  'CheckInError',
  'KeyPlaceNotReadyError',
  'GuestDirectoryError',
  'GraphAnswerError',
  'GraphLinkError',
  'OneDriveNotReadyError',
  'ProfileError',
  'SignInError',
]);

const SIGN_IN_ERROR_NAMES = new Set(['InteractionRequiredAuthError', 'BrowserAuthError', 'ClientAuthError', 'AuthError', 'ServerError', 'NestedAppAuthError']);

/** MSAL's errors (by name, so MSAL itself is not loaded), and Entra's answers (AADSTS codes). */
export function isSignInFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    SIGN_IN_ERROR_NAMES.has(error.name) || /AADSTS\d+|lifetime validation|token is expired|interaction_required|login_required|popup_window_error|empty_window_error/i.test(error.message)
  );
}

/** The sign-in window could not open (the browser blocked the pop-up). */
export function isPopupBlocked(error: unknown): boolean {
  const code = (error as { errorCode?: unknown } | undefined)?.errorCode;
  return (error instanceof Error && /popup_window_error|empty_window_error|popup.*blocked/i.test(`${String(code)} ${error.message}`)) || false;
}

/**
 * What went wrong, in words a person can act on: `failed` says what did not happen ("Could not
 * send your request"), then why and what to do. Graph's, MSAL's and the network's own words never
 * show; errors the app wrote itself (a missing permission names it and who grants it) keep theirs.
 */
export function describeFailure(error: unknown, failed: string, retry = 'Check your connection, then try again.'): string {
  if (error instanceof Error && error.name === 'GraphPermissionError') return `${failed}. ${error.message}`;
  if (error instanceof Error && OWN_WORDS.has(error.name) && !isSignInFailure(error)) return error.message;
  if (isPopupBlocked(error)) return `${failed}: the sign-in window was blocked. Allow pop-ups for this app, then try again.`;
  if (isSignInFailure(error)) return `${failed}: your sign-in has expired. Reload the tab to sign in again, then try again.`;
  const status = graphStatusOf(error);
  if (status !== undefined && (status === 429 || status >= 500)) return `${failed}: Microsoft 365 is busy just now. ${retry}`;
  if (status === 404) return `${failed}: it is no longer there. Reload the tab to see what changed.`;
  return `${failed} just now. ${retry}`;
}

/** The HTTP status of a GraphRequestError (and its kinds), by name: see {@link OWN_WORDS}. */
function graphStatusOf(error: unknown): number | undefined {
  if (!(error instanceof Error) || !/^Graph\w*Error$/.test(error.name)) return undefined;
  const { status } = error as Error & { status?: unknown };
  return typeof status === 'number' ? status : undefined;
}
