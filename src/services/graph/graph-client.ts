import { Client, GraphError, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { Identity } from '../identity/identity';
import { isDownloadUrl } from './download-hosts';
import { GraphPermissionError, GraphRequestError, readAnswer } from './graph-errors';
import { DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter, retryDelayMs, type RetryPolicy } from './retry-policy';

/** A download whose pre-authenticated URL expired or was refused: ask Graph for a fresh URL. */
export const DOWNLOAD_URL_REFUSED = 'downloadUrlRefused';
/** How long a file download may take before it counts as lost (and is retried). */
const DOWNLOAD_TIMEOUT_MS = 30_000;

/** A fetch function: the browser's for real Graph, the fake Graph's in demo mode and tests. */
export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0';

/**
 * How long one HTTP request may take before it is given up and retried like a 503. Microsoft's
 * SDKs (Kiota) default to 100 s per request; a person is waiting here, and the retry policy gives a
 * slow call more chances, so a shorter wait serves them better.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Starts a timer that calls `onTimeout` after `ms`; the returned function cancels it. */
export type StartTimer = (ms: number, onTimeout: () => void) => () => void;

const startTimer: StartTimer = (ms, onTimeout) => {
  const timer = setTimeout(onTimeout, ms);
  return () => clearTimeout(timer);
};

/**
 * A link the client refuses to follow: the request would carry the signed-in person's token to a
 * host other than Microsoft Graph's (or to another API version). Never retried.
 */
export class GraphLinkError extends Error {
  override readonly name = 'GraphLinkError';
  constructor(readonly url: string) {
    super(
      'Microsoft Graph gave the app a link to somewhere other than Microsoft Graph, so the app did not follow it ' +
        'and your sign-in was not sent there. Try again; if this keeps happening, tell your Microsoft 365 admin.',
    );
  }
}

/**
 * Whether a URL is one the client may send its token to: a path relative to the v1.0 root
 * (`/users?…`), or an absolute URL on `https://graph.microsoft.com/v1.0/`, such as the
 * `@odata.nextLink` and `@odata.deltaLink` Graph returns. Those are "a URL to the next page of
 * results" on Graph itself (https://learn.microsoft.com/graph/paging,
 * https://learn.microsoft.com/graph/delta-query-overview: `https://graph.microsoft.com/v1.0/users/delta?$deltatoken=…`).
 * Anything else — another host (`https://graph.microsoft.com.evil.com/`), http, a user name or
 * port before the host, a Graph URL only in the query, another version (`/beta`, `/v1.0/../beta`),
 * a protocol-relative `//host` — is refused. The prefix is compared as written and again after
 * parsing, since fetch parses it (dot segments, `%2e%2e`, backslashes) before sending.
 */
export function isGraphUrl(url: string): boolean {
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) {
    return /^\/[^?#]/.test(url) && isGraphUrl(`${GRAPH_BASE}${url}`);
  }
  if (!url.startsWith(`${GRAPH_BASE}/`)) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      parsed.hostname === 'graph.microsoft.com' &&
      parsed.port === '' &&
      parsed.username === '' &&
      parsed.password === '' &&
      parsed.pathname.startsWith('/v1.0/')
    );
  } catch {
    return false;
  }
}

/** Throws {@link GraphLinkError} unless the client may send its token to the URL (see {@link isGraphUrl}). */
export function assertGraphUrl(url: string): void {
  if (!isGraphUrl(url)) throw new GraphLinkError(url);
}

/** Graph accepts at most 20 requests in one $batch (https://learn.microsoft.com/graph/json-batching). */
export const MAX_BATCH_SIZE = 20;
/**
 * $batch requests {@link GraphClient.batchAll} keeps in flight at once by default. Graph's
 * throttling counts every request inside a $batch (https://learn.microsoft.com/graph/throttling),
 * so more in flight does not buy more than the tenant's share; a throttled batch waits its
 * Retry-After on its own while the others go on.
 */
export const DEFAULT_BATCHES_IN_FLIGHT = 4;

/** One request inside a $batch: a GET unless a method is given. */
export interface BatchItem {
  readonly id: string;
  /** Relative to the v1.0 root (`/users?…`) or an absolute nextLink. */
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A JSON body (sent with Content-Type: application/json). */
  readonly body?: unknown;
  /** Ids of requests in the same batch that must succeed first (Graph answers 424 otherwise). */
  readonly dependsOn?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
}

/** The answer to one {@link BatchItem}: any status, so the caller decides what an error means. */
export interface BatchAnswer {
  readonly id: string;
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Where a {@link GraphClient} gets its tokens and sends its requests, and the retry policy;
 * randomness, clock and timers are injected so tests need no network or wall time.
 */
export interface GraphClientOptions {
  readonly identity: Pick<Identity, 'getAccessToken'>;
  readonly fetch: FetchLike;
  readonly policy?: RetryPolicy;
  readonly random?: () => number;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How long one HTTP request may take (default {@link DEFAULT_REQUEST_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
  /** The timer for request timeouts; injected so tests need no wall time. */
  readonly startTimer?: StartTimer;
  /** $batch requests {@link GraphClient.batchAll} keeps in flight (default {@link DEFAULT_BATCHES_IN_FLIGHT}). */
  readonly batchesInFlight?: number;
}

const TIMEOUT_ERROR = 'GraphTimeoutError';

/**
 * Fetches with a signal that fires on the caller's abort or after `timeoutMs`, and gives up then
 * even when the fetch ignores its signal: a timeout fails with {@link TIMEOUT_ERROR}, an abort with
 * an AbortError.
 */
async function fetchWithin(fetchImpl: FetchLike, input: RequestInfo | URL, init: RequestInit, timeoutMs: number, start: StartTimer): Promise<Response> {
  const caller = init.signal ?? undefined;
  if (caller?.aborted) throw abortError();
  const controller = new AbortController();
  let cancelTimer = () => {};
  let onAbort = () => {};
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => {
      controller.abort();
      reject(abortError());
    };
    caller?.addEventListener('abort', onAbort);
    cancelTimer = start(timeoutMs, () => {
      controller.abort();
      reject(Object.assign(new Error(`Microsoft Graph did not answer within ${Math.round(timeoutMs / 1000)} seconds.`), { name: TIMEOUT_ERROR }));
    });
  });
  try {
    return await Promise.race([fetchImpl(input, { ...init, signal: controller.signal }), stopped]);
  } finally {
    cancelTimer();
    caller?.removeEventListener('abort', onAbort);
  }
}

/**
 * The SDK's last middleware: sends the request with the given fetch, within the timeout, and never
 * with a token to a host other than Graph's (the last check, after the SDK has built the URL).
 */
class FetchMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: FetchLike,
    private readonly timeoutMs: number,
    private readonly startTimer: StartTimer,
  ) {}
  async execute(context: Context): Promise<void> {
    const init = (context.options ?? {}) as RequestInit;
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new Headers(init.headers).has('authorization')) assertGraphUrl(url);
    context.response = await fetchWithin(this.fetchImpl, context.request, init, this.timeoutMs, this.startTimer);
  }
}

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(abortError());
    });
  });
}

/** Makes a nextLink or path relative to the v1.0 root, as $batch wants it. */
export function relativeToGraph(url: string): string {
  return url.startsWith(`${GRAPH_BASE}/`) ? url.slice(GRAPH_BASE.length) : url;
}

function headerRecord(headers: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  if (!headers) return {};
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

/**
 * A $batch answer: `responses`, one per request, each with the request's `id`, its HTTP `status`,
 * `headers` and `body` (any JSON, an error body included), in any order
 * (https://learn.microsoft.com/graph/json-batching, "Processing the JSON batch response").
 */
export const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.unknown()).nullish(),
      body: z.unknown().optional(),
    }),
  ),
});

/**
 * Microsoft Graph through `@microsoft/microsoft-graph-client`, with what the SDK leaves to us:
 * a token per call for the scopes it needs (asked for when first needed), one token refresh on
 * 401, retries of 429/503/504 that honour Retry-After and are bounded in count and total time,
 * $batch with per-request retries, and typed errors (403 names the missing permission).
 */
export class GraphClient {
  /** HTTP requests sent (a $batch is one) and requests retried, for progress and benchmarks. */
  readonly stats = { requests: 0, retries: 0 };
  private readonly client: Client;
  private readonly policy: RetryPolicy;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly startTimer: StartTimer;

  constructor(private readonly options: GraphClientOptions) {
    this.startTimer = options.startTimer ?? startTimer;
    const middleware = new FetchMiddleware(options.fetch, options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, this.startTimer);
    this.client = Client.initWithMiddleware({ middleware, defaultVersion: 'v1.0' });
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /**
   * GET a resource or page. The answer is Graph's JSON, unchecked: adapters read it with a schema
   * (readAnswer in graph-errors.ts). `T` only names it for tests; no adapter passes one.
   */
  get<T = unknown>(url: string, scopes: readonly string[], options: { headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<T> {
    return this.send(
      scopes,
      options.signal,
      (token) => {
        let request = this.client.api(url).headers({ ...options.headers, Authorization: `Bearer ${token}` });
        if (options.signal) request = request.option('signal', options.signal);
        return request.get() as Promise<T>;
      },
      [url],
    );
  }

  /**
   * Any number of GETs: split into $batch requests of 20, kept N in flight (a pool: the next batch
   * starts as soon as one answers, not when a whole wave has), answers in the order of the items
   * (see {@link batch} for retries: a throttled batch waits its own Retry-After while the others go
   * on). `onProgress` hears each batch as it is answered, with that batch's answers, so a caller can
   * use what is in before the rest arrives. The first failure rejects; no new batch starts after it.
   */
  async batchAll(
    items: readonly BatchItem[],
    scopes: readonly string[],
    signal?: AbortSignal,
    onProgress?: (answered: number, total: number, batch: readonly BatchAnswer[]) => void,
  ): Promise<BatchAnswer[]> {
    const groups: BatchItem[][] = [];
    for (let i = 0; i < items.length; i += MAX_BATCH_SIZE) groups.push(items.slice(i, i + MAX_BATCH_SIZE));
    const answers: BatchAnswer[][] = new Array<BatchAnswer[]>(groups.length);
    const inFlight = Math.max(1, this.options.batchesInFlight ?? DEFAULT_BATCHES_IN_FLIGHT);
    let next = 0;
    let answered = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      while (!failed && next < groups.length) {
        const index = next++;
        try {
          answers[index] = await this.batch(groups[index]!, scopes, signal);
        } catch (error) {
          failed = true;
          throw error;
        }
        answered += groups[index]!.length;
        onProgress?.(answered, items.length, answers[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, groups.length) }, worker));
    return answers.flat();
  }

  /**
   * Creates (POST), updates (PATCH), deletes (DELETE) or uploads (PUT) a resource; resolves with
   * Graph's answer body, if any. A PUT body that is a string is sent as it is (file content).
   */
  write(method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, scopes: readonly string[], body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    return this.send(scopes, undefined, (token): Promise<unknown> => {
      const request = this.client.api(url).headers({ ...headers, Authorization: `Bearer ${token}` });
      if (method === 'POST') return request.post(body);
      if (method === 'PATCH') return request.patch(body);
      if (method === 'PUT') return request.put(body);
      return request.delete();
    });
  }

  /**
   * Downloads a file from its pre-authenticated `@microsoft.graph.downloadUrl`: with no token (the
   * URL carries its own short-lived authorisation, and a browser refuses a cross-origin request
   * with an Authorization header there: CORS), no cookies, only to https OneDrive/SharePoint hosts
   * (the token never leaves Graph, and nothing else is fetched). Network failures, 429/503/504 and
   * a request that does not answer within `timeoutMs` are retried as Graph requests are; an
   * expired or refused URL (401/403/404) throws {@link GraphRequestError} with code
   * {@link DOWNLOAD_URL_REFUSED}, so the caller asks Graph for a fresh one.
   * https://learn.microsoft.com/graph/api/driveitem-get-content ("Downloading files in JavaScript apps").
   */
  async download(url: string, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<string> {
    if (!isDownloadUrl(url)) {
      throw new GraphRequestError('The file’s download address is not on a OneDrive or SharePoint host, so it was not opened.', 400, 'UntrustedDownloadHost', undefined, undefined);
    }
    const started = this.now();
    for (let attempt = 0; ; attempt++) {
      let failure: GraphRequestError;
      try {
        this.stats.requests++;
        const init: RequestInit = { method: 'GET', credentials: 'omit', ...(options.signal ? { signal: options.signal } : {}) };
        const response = await fetchWithin(this.options.fetch, url, init, options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS, this.startTimer);
        const text = await response.text();
        if (response.ok) return text;
        const status = response.status;
        if (status === 401 || status === 403 || status === 404 || status === 410) {
          throw new GraphRequestError('The file’s download address has expired or was refused.', status, DOWNLOAD_URL_REFUSED, undefined, undefined);
        }
        failure = new GraphRequestError(`The file download answered ${status}.`, status, 'DownloadFailed', undefined, parseRetryAfter(response.headers.get('retry-after'), this.now()));
      } catch (caught) {
        if (options.signal?.aborted) throw abortError();
        if (caught instanceof GraphRequestError) throw caught;
        // Offline, DNS, CORS, or no answer in time: worth the same bounded retries as a 503.
        failure = new GraphRequestError('Could not reach OneDrive to read the file.', 503, 'NetworkError', undefined, undefined);
      }
      const delay = isRetryable(failure.status)
        ? retryDelayMs({ attempt, retryAfterMs: failure.retryAfterMs, elapsedMs: this.now() - started, random: this.random, policy: this.policy })
        : undefined;
      if (delay === undefined) throw failure;
      this.stats.retries++;
      await this.sleep(delay, options.signal);
    }
  }

  /** Waits with the client's (injected) sleep: for callers that pace their own retries. */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    return this.sleep(ms, signal);
  }

  /**
   * Sends up to 20 requests as one $batch. Requests answered 429/503/504 are sent again (with
   * those that depend on them, after the longest Retry-After among them) until they succeed or the
   * retry policy gives up; every other answer, errors included, is returned as it came. An answer
   * that is not a $batch answer throws GraphAnswerError (graph-errors.ts).
   */
  async batch(items: readonly BatchItem[], scopes: readonly string[], signal?: AbortSignal): Promise<BatchAnswer[]> {
    if (items.length > MAX_BATCH_SIZE) throw new RangeError(`A $batch holds at most ${MAX_BATCH_SIZE} requests, not ${items.length}`);
    // Graph runs each item with the batch's token: a link elsewhere is refused before anything is sent.
    for (const item of items) assertGraphUrl(item.url);
    const answers = new Map<string, BatchAnswer>();
    const started = this.now();
    let pending = [...items];
    for (let attempt = 0; pending.length > 0; attempt++) {
      const body = {
        requests: pending.map((item) => {
          const dependsOn = item.dependsOn?.filter((id) => pending.some((p) => p.id === id));
          return {
            id: item.id,
            method: item.method ?? 'GET',
            url: relativeToGraph(item.url),
            ...(item.body === undefined ? {} : { body: item.body }),
            ...(dependsOn?.length ? { dependsOn } : {}),
            ...(item.headers || item.body !== undefined ? { headers: { ...(item.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...item.headers } } : {}),
          };
        }),
      };
      const response = await this.send(scopes, signal, (token): Promise<unknown> => {
        let request = this.client.api('/$batch').headers({ Authorization: `Bearer ${token}` });
        if (signal) request = request.option('signal', signal);
        return request.post(body);
      });
      const retry: BatchItem[] = [];
      let wait: number | undefined;
      const parts = readAnswer(batchResponseSchema, response, 'answering a batch of requests').responses;
      for (const item of pending) {
        const part = parts.find((p) => p.id === item.id);
        const answer: BatchAnswer = part
          ? { id: item.id, status: part.status, body: part.body, headers: headerRecord(part.headers ?? undefined) }
          : { id: item.id, status: 502, body: { error: { code: 'MissingBatchResponse', message: 'Graph did not answer this request.' } }, headers: {} };
        answers.set(item.id, answer);
        if (isRetryable(answer.status)) {
          retry.push(item);
          const after = parseRetryAfter(answer.headers['retry-after'], this.now());
          if (after !== undefined) wait = Math.max(wait ?? 0, after);
        }
      }
      // A request that failed only because one it depends on was throttled goes again with it.
      for (const item of pending) {
        if (!retry.includes(item) && answers.get(item.id)?.status === 424 && item.dependsOn?.some((id) => retry.some((r) => r.id === id))) retry.push(item);
      }
      if (retry.length === 0) break;
      const delay = retryDelayMs({ attempt, retryAfterMs: wait, elapsedMs: this.now() - started, random: this.random, policy: this.policy });
      if (delay === undefined) break;
      this.stats.retries += retry.length;
      await this.sleep(delay, signal);
      pending = retry;
    }
    return items.map((item) => answers.get(item.id)!);
  }

  private async send<T>(scopes: readonly string[], signal: AbortSignal | undefined, call: (token: string) => Promise<T>, urls: readonly string[] = []): Promise<T> {
    // Before any token is asked for or request sent: the token goes to Graph only.
    urls.forEach(assertGraphUrl);
    const started = this.now();
    let forceRefresh = false;
    let refreshed = false;
    for (let attempt = 0; ;) {
      if (signal?.aborted) throw abortError();
      const token = await this.token(scopes, forceRefresh);
      forceRefresh = false;
      try {
        this.stats.requests++;
        return await call(token);
      } catch (caught) {
        if (caught instanceof DOMException && caught.name === 'AbortError') throw caught;
        // The SDK wraps what the fetch middleware throws in a GraphError whose code is the error's name.
        if (signal?.aborted) throw abortError();
        const code = caught instanceof GraphError ? caught.code : undefined;
        if (caught instanceof GraphLinkError || code === 'GraphLinkError') throw caught instanceof GraphLinkError ? caught : new GraphLinkError('');
        // A call that never answered is retried like a 503 (the retry policy bounds how often).
        const error = code === TIMEOUT_ERROR ? new GraphRequestError((caught as Error).message, 503, 'Timeout', undefined, undefined) : this.toError(caught, scopes);
        if (error.status === 401 && !refreshed) {
          refreshed = forceRefresh = true;
          continue;
        }
        if (isRetryable(error.status)) {
          const delay = retryDelayMs({ attempt, retryAfterMs: error.retryAfterMs, elapsedMs: this.now() - started, random: this.random, policy: this.policy });
          if (delay !== undefined) {
            attempt++;
            this.stats.retries++;
            await this.sleep(delay, signal);
            continue;
          }
        }
        throw error;
      }
    }
  }

  /** A token for the scopes; a refused consent becomes the same permission error a 403 gives. */
  private async token(scopes: readonly string[], forceRefresh: boolean): Promise<string> {
    try {
      return await this.options.identity.getAccessToken(scopes, forceRefresh ? { forceRefresh } : undefined);
    } catch (error) {
      // AADSTS65001 / consent_required: the scopes need consent the person cannot give (admin consent).
      const code = (error as { code?: string; errorCode?: string }).code ?? (error as { errorCode?: string }).errorCode;
      if (code === 'consent_required' || /AADSTS65001/.test(String((error as Error).message))) {
        throw new GraphPermissionError(scopes, 403, 'consent_required', undefined);
      }
      throw error;
    }
  }

  private toError(caught: unknown, scopes: readonly string[]): GraphRequestError {
    // The SDK reports a network failure as a GraphError with status -1.
    if (caught instanceof GraphError && caught.statusCode > 0) {
      const status = caught.statusCode;
      const code = caught.code ?? 'unknown';
      const requestId = caught.requestId ?? undefined;
      if (status === 403) return new GraphPermissionError(scopes, status, code, requestId);
      const retryAfter = parseRetryAfter(caught.headers?.get('retry-after'), this.now());
      return new GraphRequestError(caught.message || `Graph answered ${status}`, status, code, requestId, retryAfter);
    }
    // The network itself failed (offline, DNS, CORS): worth the same bounded retries as a 503.
    const message = caught instanceof Error ? caught.message : String(caught);
    return new GraphRequestError(`Could not reach Microsoft Graph: ${message}`, 503, 'NetworkError', undefined, undefined);
  }
}
