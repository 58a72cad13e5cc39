import { z } from 'zod';
import type { FetchLike } from './graph-client';

/** What {@link corruptAnswers} is given for each JSON answer: where it went, what was sent and what came back. */
export interface AnswerToCorrupt {
  readonly url: string;
  readonly method: string;
  readonly status: number;
  /** The request's body as sent (a JSON text for JSON requests). */
  readonly sent: unknown;
  readonly body: unknown;
}

/**
 * For tests: wraps a fetch (the fake Graph's) so that `rewrite` may replace a JSON answer's body,
 * as a Graph that changed or broke would. `rewrite` returns the new body, or undefined to leave the
 * answer as it came. Status and headers are kept.
 */
export function corruptAnswers(fetch: FetchLike, rewrite: (answer: AnswerToCorrupt) => unknown): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!(response.headers.get('content-type') ?? '').includes('json')) return response;
    const text = await response.text();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return new Response(text, { status: response.status, headers: response.headers });
    }
    const replaced = rewrite({ url, method, status: response.status, sent: init?.body, body });
    return new Response(replaced === undefined ? text : JSON.stringify(replaced), { status: response.status, headers: response.headers });
  };
}

const batchRequestSchema = z.object({ requests: z.array(z.object({ id: z.string(), url: z.string() })) });
const batchAnswerSchema = z.looseObject({ responses: z.array(z.looseObject({ id: z.string(), body: z.unknown() })) });

/**
 * For tests: $batch answers with the body of each part whose request URL contains `urlPart`
 * replaced by `rewrite(body)`; other parts are kept.
 */
export function corruptBatchParts(fetch: FetchLike, urlPart: string, rewrite: (body: unknown) => unknown): FetchLike {
  return corruptAnswers(fetch, ({ url, sent, body }) => {
    if (!url.endsWith('/$batch') || typeof sent !== 'string') return undefined;
    const requests = batchRequestSchema.safeParse(JSON.parse(sent));
    const answer = batchAnswerSchema.safeParse(body);
    if (!requests.success || !answer.success) return undefined;
    const urls = new Map(requests.data.requests.map((r) => [r.id, r.url]));
    return { ...answer.data, responses: answer.data.responses.map((part) => (urls.get(part.id)?.includes(urlPart) ? { ...part, body: rewrite(part.body) } : part)) };
  });
}
