/** How long and how often to retry a throttled or unavailable Graph request. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** Give up when the next wait would pass this much time since the first attempt. */
  readonly maxTotalMs: number;
  /** Backoff without Retry-After: base × 2^attempt, capped, with full jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 8, maxTotalMs: 120_000, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Statuses worth retrying: throttled (429), unavailable (503), gateway timeout (504). */
export function isRetryable(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

/**
 * Reads a Retry-After header: seconds, or an HTTP date.
 * See https://learn.microsoft.com/graph/throttling ("Best practices to handle throttling").
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * The wait before retry number `attempt` (0 for the first retry), or undefined to give up. The
 * server's Retry-After wins; otherwise exponential backoff with full jitter, so that many clients
 * throttled together do not come back together.
 */
export function retryDelayMs(input: {
  readonly attempt: number;
  readonly retryAfterMs: number | undefined;
  readonly elapsedMs: number;
  readonly random: () => number;
  readonly policy?: RetryPolicy;
}): number | undefined {
  const policy = input.policy ?? DEFAULT_RETRY_POLICY;
  if (input.attempt >= policy.maxRetries) return undefined;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** input.attempt);
  const delay = input.retryAfterMs ?? Math.round(input.random() * backoff);
  return input.elapsedMs + delay > policy.maxTotalMs ? undefined : delay;
}
