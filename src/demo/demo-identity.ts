import type { Identity, SignedInPerson } from '@/services/identity/identity';

/** The claims of a demo access token; the fake Graph reads them as real Graph reads a JWT. */
export interface DemoTokenClaims {
  readonly oid: string;
  readonly name: string;
  readonly upn: string;
  readonly tid: string;
  readonly scp: string;
}

/** The demo tenant's id. */
export const DEMO_TENANT_ID = 'dddddddd-0000-4000-8000-000000000000';

const base64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** An unsigned JWT (`alg: none`) carrying the demo person's id and the scopes asked for. */
export function demoAccessToken(claims: DemoTokenClaims): string {
  return `${base64Url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64Url(JSON.stringify(claims))}.`;
}

/** The identity in demo mode: the person chosen in the dev host or the demo sign-in picker. */
export function createDemoIdentity(person: SignedInPerson): Identity {
  return {
    kind: 'demo',
    currentUser: () => Promise.resolve(person),
    getAccessToken: (scopes) =>
      Promise.resolve(
        demoAccessToken({
          oid: person.id,
          name: person.displayName,
          upn: person.userPrincipalName ?? '',
          tid: DEMO_TENANT_ID,
          scp: scopes.join(' '),
        }),
      ),
  };
}
