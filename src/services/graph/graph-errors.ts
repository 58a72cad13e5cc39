/** A Graph request that failed, with Graph's own error code and message. */
export class GraphRequestError extends Error {
  override readonly name: string = 'GraphRequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly requestId: string | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
  }
}

/**
 * Graph refused for lack of a permission (403). The message says which permission, and who can
 * grant it: admin consent is given once for the whole organisation.
 */
export class GraphPermissionError extends GraphRequestError {
  override readonly name = 'GraphPermissionError';
  constructor(
    readonly permissions: readonly string[],
    status: number,
    code: string,
    requestId: string | undefined,
  ) {
    super(
      `This app needs the Microsoft Graph permission ${permissions.join(', ')}, which your organisation has not granted. ` +
        'Ask your Microsoft 365 admin to grant admin consent for it (Entra admin centre › Enterprise applications › ' +
        'Reverse mentoring › Permissions, or Teams admin centre › Manage apps › Reverse mentoring › Permissions).',
      status,
      code,
      requestId,
      undefined,
    );
  }
}

/** The error a failed answer inside a $batch stands for (403 names the permissions). */
export function errorFromAnswer(answer: { status: number; body: unknown }, scopes: readonly string[]): GraphRequestError {
  const error = (answer.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (answer.status === 403) return new GraphPermissionError(scopes, 403, error?.code ?? 'Forbidden', undefined);
  return new GraphRequestError(error?.message ?? `Graph answered ${answer.status}`, answer.status, error?.code ?? 'unknown', undefined, undefined);
}

/**
 * The signed-in person is a guest (userType Guest) in this organisation. Microsoft Entra's default
 * guest permissions do not let a guest list users ("What are the default user permissions in
 * Microsoft Entra ID?": guests "can't enumerate the list of all users"), so Graph answers
 * `/users` and `/users/delta` with 403 Authorization_RequestDenied even with admin consent.
 * Trying again does not help; the message says so in words.
 */
export class GuestDirectoryError extends GraphRequestError {
  override readonly name = 'GuestDirectoryError';
  constructor(requestId: string | undefined) {
    super(
      "Guests can't see the organisation here, so the app cannot suggest or find reverse mentors for you. " +
        'If you should take part in the programme, ask your programme owner.',
      403,
      'Authorization_RequestDenied',
      requestId,
      undefined,
    );
  }
}
