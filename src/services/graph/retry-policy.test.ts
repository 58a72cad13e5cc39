import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  it('retries 429, 503 and 504 only', () => {
    expect([200, 400, 401, 403, 404, 429, 500, 503, 504].filter(isRetryable)).toEqual([429, 503, 504]);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('waits what the server says', () => {
    expect(retryDelayMs({ attempt: 0, retryAfterMs: 4000, elapsedMs: 0, random: () => 0.5 })).toBe(4000);
  });

  it('backs off exponentially with jitter when the server says nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (attempt, r) => {
        const delay = retryDelayMs({ attempt, retryAfterMs: undefined, elapsedMs: 0, random: () => r })!;
        const cap = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** attempt);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it('gives up after the last retry or past the time budget', () => {
    const policy = { maxRetries: 3, maxTotalMs: 10_000, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelayMs({ attempt: 3, retryAfterMs: 1, elapsedMs: 0, random: () => 0, policy })).toBeUndefined();
    expect(retryDelayMs({ attempt: 0, retryAfterMs: 5000, elapsedMs: 6000, random: () => 0, policy })).toBeUndefined();
    expect(retryDelayMs({ attempt: 2, retryAfterMs: 4000, elapsedMs: 6000, random: () => 0, policy })).toBe(4000);
  });
});
