/**
 * Helpers for the fake Graph's behaviour tests: one `describeOperation` per catalogue entry (the
 * catalogue test checks that every entry has one), requests as the app sends them, and users built
 * from the documentation's examples.
 */
import { describe, expect } from 'vitest';
import { demoAccessToken, DEMO_TENANT_ID } from '@/demo/demo-identity';
import type { DemoUser } from '../demo-tenant';
import { FakeGraph, GRAPH_ROOT, type FakeGraphOptions } from '../fake-graph';
import { GRAPH_OPERATIONS } from '../graph-catalogue';

/**
 * A describe block for one catalogue entry, titled with its method and documentation page. Name
 * the entry with a string literal: the catalogue test finds the names in the files' text.
 */
export function describeOperation(name: string, body: () => void): void {
  const operation = GRAPH_OPERATIONS.find((o) => o.name === name);
  if (!operation) throw new Error(`No catalogue entry is named '${name}'`);
  describe(`${name}: ${operation.method} (${operation.doc})`, body);
}

/** A user of the fake tenant, with what the documentation's examples leave out filled in. */
export function docUser(user: Partial<DemoUser> & Pick<DemoUser, 'id' | 'displayName' | 'userPrincipalName'>): DemoUser {
  return {
    givenName: null,
    surname: null,
    mail: null,
    businessPhones: [],
    mobilePhone: null,
    jobTitle: null,
    department: null,
    officeLocation: null,
    city: null,
    country: null,
    usageLocation: null,
    preferredLanguage: null,
    accountEnabled: true,
    userType: 'Member',
    employeeHireDate: null,
    managerId: null,
    mailboxSettings: {
      timeZone: 'UTC',
      workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '09:00:00', endTime: '17:00:00', timeZone: { name: 'UTC' } },
    },
    ...user,
    // Exchange lists a mailbox's primary SMTP address among its proxy addresses.
    proxyAddresses: user.proxyAddresses ?? (user.mail ? [`SMTP:${user.mail}`] : []),
  } as DemoUser;
}

/** A fake Graph on a fixed clock. */
export function fakeGraph(options: FakeGraphOptions): FakeGraph {
  return new FakeGraph({ now: () => new Date('2026-03-02T08:00:00Z'), newId: sequentialIds(), ...options });
}

function sequentialIds() {
  let n = 0;
  return () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`;
}

export interface Call {
  /** The signed-in user's id (the token's oid). */
  readonly as: string;
  readonly scopes: readonly string[];
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> & { value?: Record<string, unknown>[] };
}

/** One request to the fake Graph, with a token for `as` carrying `scopes`. */
export async function send(graph: FakeGraph, path: string, call: Call): Promise<Reply> {
  const token = demoAccessToken({ oid: call.as, name: '', upn: '', tid: DEMO_TENANT_ID, scp: call.scopes.join(' ') });
  const response = await graph.fetch(path.startsWith('http') ? path : `${GRAPH_ROOT}${path}`, {
    method: call.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(call.body === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Reply['body'] };
}

/** Graph's error shape (https://learn.microsoft.com/graph/errors), with this code. */
export function expectGraphError(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, body: reply.body }).toEqual({
    status,
    body: {
      error: {
        code,
        message: expect.any(String),
        innerError: { date: expect.any(String), 'request-id': expect.any(String), 'client-request-id': expect.any(String) },
      },
    },
  });
}
