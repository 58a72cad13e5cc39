/**
 * Profile photos, pinned to "Get profilePhoto" (https://learn.microsoft.com/graph/api/profilephoto-get):
 * `GET /users/{id}/photos/{size}/$value` answers the photo's binary data (a JPEG), or 404 when the
 * user has none. Inside a $batch (https://learn.microsoft.com/graph/json-batching) the answer is
 * JSON, so the binary body comes as a base64 string with its own content type (OData JSON Format
 * 4.01, "Batch Response"; microsoftgraph/msgraph-sdk-javascript#367 shows Graph doing so for photos).
 */
import { expect, it } from 'vitest';
import { demoAccessToken, DEMO_TENANT_ID } from '@/demo/demo-identity';
import { demoPhoto } from '../demo-photos';
import { GRAPH_ROOT, type FakeGraph } from '../fake-graph';
import { describeOperation, docUser, expectGraphError, fakeGraph, send } from './support';

// Example users of https://learn.microsoft.com/graph/api/user-get, one with a photo and one without.
const adele = docUser({ id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd', displayName: 'Adele Vance', userPrincipalName: 'AdeleV@contoso.com' });
const megan = docUser({ id: '48d31887-5fad-4d73-a9f5-3c356e68a038', displayName: 'Megan Bowen', userPrincipalName: 'MeganB@contoso.com' });
const guest = docUser({ id: '99999999-0000-4000-8000-000000000009', displayName: 'A Guest', userPrincipalName: 'guest_fabrikam.com#EXT#@contoso.com', userType: 'Guest' });
const withPhoto = demoPhoto({ id: 'any member with a photo', userType: 'Member' }) ?? demoPhoto({ id: 'another member', userType: 'Member' })!;
const tenant = () => fakeGraph({ users: [adele, megan, guest], photos: (u) => (u.id === adele.id ? withPhoto : undefined) });
const as = megan.id;

async function raw(graph: FakeGraph, path: string, scopes: readonly string[], caller = as) {
  const token = demoAccessToken({ oid: caller, name: '', upn: '', tid: DEMO_TENANT_ID, scp: scopes.join(' ') });
  const response = await graph.fetch(`${GRAPH_ROOT}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
}

const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes.at(-2) === 0xff && bytes.at(-1) === 0xd9;

describeOperation('get profile photo', () => {
  it('answers 200 with the photo’s binary data, a JPEG of the size asked for', async () => {
    const reply = await raw(tenant(), `/users/${adele.id}/photos/64x64/$value`, ['User.Read.All']);
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('image/jpeg');
    expect(isJpeg(reply.bytes)).toBe(true);
    // SOF0 carries height and width.
    const sof = reply.bytes.findIndex((b, i) => b === 0xff && reply.bytes[i + 1] === 0xc0);
    expect([...reply.bytes.subarray(sof + 5, sof + 9)]).toEqual([0, 64, 0, 64]);
  });

  it('answers 404 ImageNotFound for a user without a photo, a guest, and a size above the uploaded one', async () => {
    expectGraphError(await send(tenant(), `/users/${megan.id}/photos/48x48/$value`, { as, scopes: ['User.Read.All'] }), 404, 'ImageNotFound');
    expectGraphError(await send(tenant(), `/users/${guest.id}/photos/48x48/$value`, { as, scopes: ['User.Read.All'] }), 404, 'ImageNotFound');
    expectGraphError(await send(tenant(), `/users/${adele.id}/photos/648x648/$value`, { as, scopes: ['User.Read.All'] }), 404, 'ImageNotFound');
    expectGraphError(await send(tenant(), `/users/${adele.id}/photos/50x50/$value`, { as, scopes: ['User.Read.All'] }), 404, 'ImageNotFound');
    expectGraphError(await send(tenant(), '/users/nobody/photos/48x48/$value', { as, scopes: ['User.Read.All'] }), 404, 'Request_ResourceNotFound');
  });

  it('needs a permission the page lists: ProfilePhoto.Read.All or a User.* one (User.Read only for one’s own photo)', async () => {
    for (const scopes of [['ProfilePhoto.Read.All'], ['User.ReadBasic.All'], ['User.Read.All']]) {
      expect((await raw(tenant(), `/users/${adele.id}/photos/48x48/$value`, scopes)).status, scopes[0]).toBe(200);
    }
    expectGraphError(await send(tenant(), `/users/${adele.id}/photos/48x48/$value`, { as, scopes: ['User.Read'] }), 403, 'Authorization_RequestDenied');
    expectGraphError(await send(tenant(), `/users/${adele.id}/photos/48x48/$value`, { as, scopes: ['Calendars.ReadWrite'] }), 403, 'Authorization_RequestDenied');
    expect((await raw(tenant(), `/users/${adele.id}/photos/48x48/$value`, ['User.Read'], adele.id)).status).toBe(200);
    const unconsented = tenant();
    unconsented.setFaults({ missingConsent: true });
    expectGraphError(await send(unconsented, `/users/${adele.id}/photos/48x48/$value`, { as, scopes: ['User.Read.All'] }), 403, 'Authorization_RequestDenied');
  });

  it('answers inside a $batch with the binary body base64-encoded and its own content type, and errors as JSON', async () => {
    const graph = tenant();
    const reply = await send(graph, '/$batch', {
      as,
      scopes: ['User.Read.All'],
      method: 'POST',
      body: {
        requests: [
          { id: '1', method: 'GET', url: `/users/${adele.id}/photos/64x64/$value` },
          { id: '2', method: 'GET', url: `/users/${megan.id}/photos/64x64/$value` },
        ],
      },
    });
    expect(reply.status).toBe(200);
    const [photo, none] = reply.body.responses as { id: string; status: number; headers: Record<string, string>; body: unknown }[];
    expect(photo).toMatchObject({ id: '1', status: 200, headers: { 'content-type': 'image/jpeg' }, body: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) });
    const decoded = Uint8Array.from(atob(photo!.body as string), (c) => c.charCodeAt(0));
    expect(decoded).toEqual((await raw(graph, `/users/${adele.id}/photos/64x64/$value`, ['User.Read.All'])).bytes);
    expect(none).toMatchObject({ id: '2', status: 404, headers: { 'content-type': 'application/json' }, body: { error: { code: 'ImageNotFound' } } });
  });
});
