import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication, PopupRequest } from '@azure/msal-browser';
import type { TenantSettings } from '../config/app-config';
import { SignInError, type Identity, type SignedInPerson } from './identity';

/** The parts of `@azure/msal-browser` this adapter uses; injected in tests. */
export interface MsalModule {
  createNestablePublicClientApplication(configuration: Configuration): Promise<IPublicClientApplication>;
  createStandardPublicClientApplication(configuration: Configuration): Promise<IPublicClientApplication>;
  InteractionRequiredAuthError: abstract new (...args: never[]) => Error;
}

/** Scopes every session needs: who the person is. Others are asked for when a feature needs them. */
export const SIGN_IN_SCOPES = ['User.Read'] as const;

/**
 * How to sign in, chosen from where the app runs:
 * - `nested`: nested app authentication through the host (Teams, Outlook, the Microsoft 365 app), when
 *   the host recommends it (`nestedAppAuth.isNAAChannelRecommended()` after `app.initialize()`).
 * - `framed-popup`: a host that does not offer it (older clients). The fallback works without a server:
 *   a standard MSAL client, silent first, then a popup, since the identity platform refuses to be shown
 *   in a frame and MSAL blocks redirects there (https://learn.microsoft.com/en-us/entra/msal/javascript/browser/iframe-usage).
 *   Teams SSO (`authentication.getAuthToken`) would need an on-behalf-of exchange on a server this app does not have.
 * - `browser`: opened directly in a browser; a standard client with popups.
 */
export type SignInMode = 'nested' | 'framed-popup' | 'browser';

/**
 * Chooses the sign-in: nested app authentication only where the host recommends it, with a working
 * fallback elsewhere, as https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/authentication/nested-authentication
 * says ("If the API returns false, continue to use your existing token retrieval method").
 */
export function signInModeFor(host: { readonly embedded: boolean; readonly nestedAppAuthRecommended: boolean }): SignInMode {
  if (!host.embedded) return 'browser';
  return host.nestedAppAuthRecommended ? 'nested' : 'framed-popup';
}

/**
 * What signing in with MSAL needs: the tenant and app, the sign-in mode, the account to pick, and
 * where the app is served.
 */
export interface MsalIdentityOptions {
  readonly tenant: TenantSettings;
  /** From {@link signInModeFor}. */
  readonly mode: SignInMode;
  /** The host's user principal name, so the right account is picked without asking. */
  readonly loginHint: string | undefined;
  /** The page's origin (where the app is served). */
  readonly origin: string;
  readonly loadMsal?: () => Promise<MsalModule>;
}

/**
 * The MSAL configuration. Tokens are kept in memory with nested app authentication (the host keeps
 * the session) and in session storage otherwise, never in local storage.
 *
 * Nested app authentication redirects to `brk-multihub://<app domain>`: one SPA redirect URI, origin
 * only, serves Teams, Outlook and the Microsoft 365 app.
 * See https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/authentication/nested-authentication
 * The standard client (browser, and the fallback in a host) needs a web page to return to: the popup's
 * redirect page, registered as an SPA redirect URI.
 */
export function msalConfiguration(options: Pick<MsalIdentityOptions, 'tenant' | 'mode' | 'origin'>): Configuration {
  const nested = options.mode === 'nested';
  const host = new URL(options.origin).host;
  return {
    auth: {
      clientId: options.tenant.clientId,
      authority: `https://login.microsoftonline.com/${options.tenant.tenantId}`,
      redirectUri: nested ? `brk-multihub://${host}` : `${options.origin}/auth-redirect/`,
    },
    cache: { cacheLocation: nested ? 'memoryStorage' : 'sessionStorage' },
  };
}

/**
 * Signs in with MSAL: nested app authentication where the host recommends it, a standard public
 * client elsewhere (see {@link SignInMode}). Silent first (`acquireTokenSilent` with the known
 * account, `ssoSilent` with the host's login hint before there is one); on `InteractionRequiredAuthError`
 * (consent, MFA, conditional access) `acquireTokenPopup`, as the nested app authentication page shows.
 * MSAL is loaded only when the first token is needed.
 */
export function createMsalIdentity(options: MsalIdentityOptions): Identity {
  const loadMsal = options.loadMsal ?? (() => import('./msal-module'));
  let client: Promise<{ pca: IPublicClientApplication; msal: MsalModule }> | undefined;

  const getClient = () =>
    (client ??= loadMsal().then(async (msal) => {
      const configuration = msalConfiguration(options);
      const pca = options.mode === 'nested' ? await msal.createNestablePublicClientApplication(configuration) : await msal.createStandardPublicClientApplication(configuration);
      return { pca, msal };
    }));

  const findAccount = (pca: IPublicClientApplication): AccountInfo | undefined => {
    const active = pca.getActiveAccount();
    if (active) return active;
    const accounts = pca.getAllAccounts();
    const hint = options.loginHint?.toLowerCase();
    return accounts.find((account) => account.username.toLowerCase() === hint) ?? accounts[0];
  };

  async function acquire(scopes: readonly string[], forceRefresh = false): Promise<AuthenticationResult> {
    const { pca, msal } = await getClient();
    const account = findAccount(pca);
    const request: PopupRequest = {
      scopes: [...scopes],
      ...(account ? { account } : {}),
      ...(options.loginHint ? { loginHint: options.loginHint } : {}),
    };
    let result: AuthenticationResult;
    try {
      result = account ? await pca.acquireTokenSilent({ ...request, account, forceRefresh }) : await pca.ssoSilent(request);
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
      try {
        result = await pca.acquireTokenPopup(request);
      } catch (popupError) {
        const code = (popupError as { errorCode?: string }).errorCode ?? 'popup_failed';
        throw new SignInError(
          code === 'user_cancelled' ? 'Sign-in was cancelled. Sign in to see your mentoring programme.' : 'Sign-in did not complete. Allow pop-ups for this app and try again.',
          code,
          { cause: popupError },
        );
      }
    }
    if (result.account) pca.setActiveAccount(result.account);
    return result;
  }

  return {
    kind: options.mode === 'nested' ? 'nested-app-auth' : options.mode,
    async currentUser(): Promise<SignedInPerson> {
      const { account } = await acquire(SIGN_IN_SCOPES);
      if (!account) throw new SignInError('Signed in, but no account came back.', 'no_account');
      return {
        id: account.localAccountId,
        displayName: account.name ?? account.username,
        userPrincipalName: account.username,
        tenantId: account.tenantId,
      };
    },
    async getAccessToken(scopes, tokenOptions) {
      return (await acquire(scopes, tokenOptions?.forceRefresh)).accessToken;
    },
  };
}
