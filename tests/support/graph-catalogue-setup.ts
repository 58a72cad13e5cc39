/**
 * Unit-test setup: a test during which the fake Graph received a request that the behaviour
 * catalogue (src/demo/graph/graph-catalogue.ts) does not know fails, naming each request.
 */
import { afterEach, beforeEach } from 'vitest';
import { assertNoUnknownGraphRequests, takeUnknownGraphRequests } from '../../src/demo/graph/graph-catalogue';

// What an earlier file's stray promise recorded is not this test's doing.
beforeEach(() => {
  takeUnknownGraphRequests();
});

afterEach(() => {
  assertNoUnknownGraphRequests();
});
