/** The signed-in person. */
export interface SignedInPerson {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string | undefined;
  readonly tenantId: string | undefined;
}

/** Options for {@link Identity.getAccessToken}. */
export interface TokenOptions {
  /** Skip cached tokens: Graph refused the last one (401). */
  readonly forceRefresh?: boolean;
}

/** How the app proves who the person is to Microsoft Graph. */
export interface Identity {
  /**
   * `nested-app-auth` inside Teams/Outlook/Microsoft 365 when the host offers it, `framed-popup` in a
   * host that does not, `browser` when opened directly, `demo` in the demo tenant.
   */
  readonly kind: 'nested-app-auth' | 'framed-popup' | 'browser' | 'demo';
  /** The person using the app; may prompt them to sign in. */
  currentUser(): Promise<SignedInPerson>;
  /**
   * An access token for Microsoft Graph with these delegated scopes. Features ask for scopes
   * when they first need them (incremental consent); may show a consent or sign-in prompt.
   */
  getAccessToken(scopes: readonly string[], options?: TokenOptions): Promise<string>;
}

/** The person cancelled, or the tenant blocked, the sign-in or consent prompt. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    message: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
