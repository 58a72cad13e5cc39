import { z } from 'zod';

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

/**
 * Graph's error body: `{ "error": { "code", "message", "innerError" } }`, where `code` may be empty
 * and more properties may come (https://learn.microsoft.com/graph/errors, "Error resource type").
 */
export const graphErrorBodySchema = z.object({
  error: z.object({
    code: z.string().nullish(),
    message: z.string().nullish(),
    innerError: z.object({ 'request-id': z.string().nullish() }).nullish(),
  }),
});

/**
 * The error a failed answer inside a $batch stands for (403 names the permissions). A body that is
 * not Graph's error body still gives an error for the status, never a cast of whatever came.
 */
export function errorFromAnswer(answer: { status: number; body: unknown }, scopes: readonly string[]): GraphRequestError {
  const parsed = graphErrorBodySchema.safeParse(answer.body);
  const error = parsed.success ? parsed.data.error : undefined;
  const requestId = error?.innerError?.['request-id'] || undefined;
  if (answer.status === 403) return new GraphPermissionError(scopes, 403, error?.code || 'Forbidden', requestId);
  return new GraphRequestError(error?.message || `Graph answered ${answer.status}`, answer.status, error?.code || 'unknown', requestId, undefined);
}

/**
 * Microsoft Graph answered with success, but not in the shape its documentation gives for that
 * request (a property the app reads is missing or of another type). Not retried: the same request
 * would most likely get the same answer. The message names what the app was doing, never Graph's
 * raw answer; `problem` says which property was wrong, for logs and tests.
 */
export class GraphAnswerError extends GraphRequestError {
  override readonly name = 'GraphAnswerError';
  constructor(
    readonly operation: string,
    readonly problem: string,
  ) {
    super(
      `Microsoft 365 gave an unexpected answer while ${operation}. Try again in a moment; if it keeps happening, tell your Microsoft 365 admin.`,
      502,
      'UnexpectedGraphAnswer',
      undefined,
      undefined,
    );
  }
}

/**
 * Reads a Graph answer body with its schema: the parsed value (extra properties Graph may add are
 * ignored), or {@link GraphAnswerError} naming `operation` (a phrase such as "reading your calendar").
 */
export function readAnswer<S extends z.ZodType>(schema: S, body: unknown, operation: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new GraphAnswerError(operation, issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unreadable');
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
      "Guests can't see the organisation here, so the app cannot suggest or find reverse mentors for you. " + 'If you should take part in the programme, ask your programme owner.',
      403,
      'Authorization_RequestDenied',
      requestId,
      undefined,
    );
  }
}
