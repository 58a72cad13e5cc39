import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorFromAnswer, GraphAnswerError, graphErrorBodySchema, GraphPermissionError, readAnswer } from './graph-errors';

/** Two error bodies from the example $batch answer on https://learn.microsoft.com/graph/json-batching. */
const DOCUMENTED_ERRORS = [
  {
    error: {
      code: '',
      message: 'You do not have the required permissions to access this item.',
      innerError: { date: '2025-02-13T10:17:05', 'request-id': '93b6f17e-c05d-4f45-ad2a-6665c708d8a0', 'client-request-id': 'e70c5c1b-8b47-68c0-3171-3d22f5e0bd54' },
    },
  },
  {
    error: {
      code: 'Request_BadRequest',
      message: 'Specified HTTP method is not allowed for the request target.',
      innerError: { date: '2025-02-13T10:21:18', 'request-id': '3a3b1bf7-3596-4493-8264-de81e028071f', 'client-request-id': 'e5f9a304-2796-b7e8-ccce-dd989953ebc4' },
    },
  },
];

describe("Graph's error body", () => {
  it('accepts the documented examples', () => {
    for (const body of DOCUMENTED_ERRORS) expect(graphErrorBodySchema.safeParse(body).success).toBe(true);
  });

  it('rejects a body that is not an error body', () => {
    expect(graphErrorBodySchema.safeParse({ error: 'Forbidden' }).success).toBe(false);
    expect(graphErrorBodySchema.safeParse('<html>Bad gateway</html>').success).toBe(false);
    expect(graphErrorBodySchema.safeParse({ error: { code: 404 } }).success).toBe(false);
  });

  it('becomes the typed error for its status, with its code, message and request id', () => {
    const error = errorFromAnswer({ status: 405, body: DOCUMENTED_ERRORS[1] }, ['User.Read']);
    expect(error).toMatchObject({
      status: 405,
      code: 'Request_BadRequest',
      message: 'Specified HTTP method is not allowed for the request target.',
      requestId: '3a3b1bf7-3596-4493-8264-de81e028071f',
    });
    const refused = errorFromAnswer({ status: 403, body: DOCUMENTED_ERRORS[0] }, ['User.Read.All']);
    expect(refused).toBeInstanceOf(GraphPermissionError);
    // An empty code is no code.
    expect(refused.code).toBe('Forbidden');
  });

  it('still gives an error for the status when the body is not an error body, without echoing it', () => {
    const error = errorFromAnswer({ status: 500, body: { error: ['<script>'] } }, ['User.Read']);
    expect(error).toMatchObject({ status: 500, code: 'unknown', message: 'Graph answered 500' });
  });
});

describe('readAnswer', () => {
  const schema = z.object({ id: z.string() });

  it('returns the parsed answer, ignoring properties Graph adds', () => {
    expect(readAnswer(schema, { id: 'a', addedLater: true }, 'reading a thing')).toEqual({ id: 'a' });
  });

  it('throws one typed error naming the operation and the property, never the raw answer', () => {
    let caught: unknown;
    try {
      readAnswer(schema, { id: 42, secret: 'do-not-show' }, 'reading your calendar');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraphAnswerError);
    const error = caught as GraphAnswerError;
    expect(error).toMatchObject({ status: 502, code: 'UnexpectedGraphAnswer', operation: 'reading your calendar' });
    expect(error.message).toBe('Microsoft 365 gave an unexpected answer while reading your calendar. Try again in a moment; if it keeps happening, tell your Microsoft 365 admin.');
    expect(error.problem).toMatch(/^id: /);
    expect(`${error.message} ${error.problem}`).not.toContain('do-not-show');
  });
});
