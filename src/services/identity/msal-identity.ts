import type {
  AccountInfo,
  AuthenticationResult,
  Configuration,
  IPublicClientApplication,
  PopupRequest,
} from '@azure/msal-browser';
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

export interface MsalIdentityOptions {
  readonly tenant: TenantSettings;
  /** Inside Teams, Outlook or the Microsoft 365 app: use nested app authentication through the host. */
  readonly nested: boolean;
  /** The host's user principal name, so the right account is picked without asking. */
  readonly loginHint: string | undefined;
  /** The page's origin (where the app is served). */
  readonly origin: string;
  readonly loadMsal?: () => Promise<MsalModule>;
}

/**
 * The MSAL configuration. Tokens are kept in memory inside a host (the host keeps the session) and
 * in session storage in a plain browser tab, never in local storage.
 *
 * Nested app authentication redirects to `brk-multihub://<app domain>`: one SPA redirect URI, origin
 * only, serves Teams, Outlook and the Microsoft 365 app.
 * See https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/authentication/nested-authentication
 */
export function msalConfiguration(options: Pick<MsalIdentityOptions, 'tenant' | 'nested' | 'origin'>): Configuration {
  const host = new URL(options.origin).host;
  return {
    auth: {
      clientId: options.tenant.clientId,
      authority: `https://login.microsoftonline.com/${options.tenant.tenantId}`,
      redirectUri: options.nested ? `brk-multihub://${host}` : `${options.origin}/auth-redirect/`,
    },
    cache: { cacheLocation: options.nested ? 'memoryStorage' : 'sessionStorage' },
  };
}

/**
 * Signs in with MSAL: nested app authentication inside a host, a standard public client in a
 * browser. Silent first; on `interaction_required` (consent, MFA, conditional access) a popup.
 * MSAL is loaded only when the first token is needed.
 */
export function createMsalIdentity(options: MsalIdentityOptions): Identity {
  const loadMsal = options.loadMsal ?? (() => import('@azure/msal-browser'));
  let client: Promise<{ pca: IPublicClientApplication; msal: MsalModule }> | undefined;

  const getClient = () =>
    (client ??= loadMsal().then(async (msal) => {
      const configuration = msalConfiguration(options);
      const pca = options.nested
        ? await msal.createNestablePublicClientApplication(configuration)
        : await msal.createStandardPublicClientApplication(configuration);
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
      result = account
        ? await pca.acquireTokenSilent({ ...request, account, forceRefresh })
        : await pca.ssoSilent(request);
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
      try {
        result = await pca.acquireTokenPopup(request);
      } catch (popupError) {
        const code = (popupError as { errorCode?: string }).errorCode ?? 'popup_failed';
        throw new SignInError(
          code === 'user_cancelled'
            ? 'Sign-in was cancelled. Sign in to see your mentoring programme.'
            : 'Sign-in did not complete. Allow pop-ups for this app and try again.',
          code,
          { cause: popupError },
        );
      }
    }
    if (result.account) pca.setActiveAccount(result.account);
    return result;
  }

  return {
    kind: options.nested ? 'nested-app-auth' : 'browser',
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
