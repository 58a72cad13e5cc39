/**
 * How the fake Graph finds a mailbox by address, pinned to the pages that take addresses:
 * getSchedule ("a collection of SMTP addresses"), an event's attendees and a sharing invitation.
 * Exchange resolves SMTP addresses (the primary, `mail`, or another proxy address); a user principal
 * name that is not one of them resolves to no one. The demo tenant has such people: Aisha Bello signs
 * in as a.bello@contoso.onmicrosoft.com, her mail is aisha.bello@contoso.example.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { demoAccessToken, DEMO_TENANT_ID } from '@/demo/demo-identity';
import { generateDemoTenant } from '../demo-tenant';
import { FakeGraph, GRAPH_ROOT } from '../fake-graph';
import { GRAPH_OPERATIONS } from '../graph-catalogue';
import { describeOperation } from './support';

const users = generateDemoTenant({ size: 120 });
const [margaret, aisha] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[2]!];
const aishaUser = users.find((u) => u.id === aisha.id)!;
const AISHA_UPN = 'a.bello@contoso.onmicrosoft.com';
const AISHA_MAIL = 'aisha.bello@contoso.example';
const now = () => new Date('2026-03-02T09:00:00Z');
const operation = (name: string) => GRAPH_OPERATIONS.find((o) => o.name === name);

function call(graph: FakeGraph, method: string, path: string, scopes: string[], body?: unknown, headers: Record<string, string> = {}) {
  const token = demoAccessToken({ oid: margaret.id, name: margaret.displayName, upn: margaret.userPrincipalName ?? '', tid: DEMO_TENANT_ID, scp: scopes.join(' ') });
  return graph.fetch(`${GRAPH_ROOT}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

describe('the demo tenant holds the case', () => {
  it('Aisha’s user principal name is neither her mail nor a proxy address', () => {
    expect(aishaUser.userPrincipalName).toBe(AISHA_UPN);
    expect(aishaUser.mail).toBe(AISHA_MAIL);
    expect(aishaUser.proxyAddresses.map((p) => p.toLowerCase())).not.toContain(`smtp:${AISHA_UPN}`);
  });
});

describeOperation('get free/busy schedule', () => {
  const body = (schedules: string[]) => ({
    schedules,
    startTime: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' },
    endTime: { dateTime: '2026-03-02T18:00:00', timeZone: 'UTC' },
    availabilityViewInterval: 60,
  });

  it('answers each SMTP address (mail or proxy address) with its schedule, in the order asked', async () => {
    const proxy = aishaUser.proxyAddresses.find((p) => p.startsWith('smtp:'))!.slice(5);
    const response = await call(new FakeGraph({ users, now }), 'POST', '/me/calendar/getSchedule', ['Calendars.Read'], body([AISHA_MAIL, proxy]));
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as { value: { scheduleId: string; availabilityView: string; error?: unknown }[] };
    expect(value.map((v) => v.scheduleId)).toEqual([AISHA_MAIL, proxy]);
    for (const entry of value) {
      expect(entry.error).toBeUndefined();
      expect(entry.availabilityView).toHaveLength(9);
    }
  });

  it('answers a user principal name that is no address with that entry’s error (a freeBusyError: message and responseCode), not the person’s calendar', async () => {
    const response = await call(new FakeGraph({ users, now }), 'POST', '/me/calendar/getSchedule', ['Calendars.Read'], body([AISHA_UPN, AISHA_MAIL]));
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as { value: { scheduleId: string; scheduleItems?: unknown[]; error?: unknown }[] };
    expect(value[0]).toMatchObject({ scheduleId: AISHA_UPN, scheduleItems: [], error: { message: expect.any(String), responseCode: expect.any(String) } });
    expect(value[1]?.error).toBeUndefined();
  });

  it('is in the catalogue with its permission', () => {
    expect(operation('get free/busy schedule')).toMatchObject({ method: 'POST', permissions: ['Calendars.Read'] });
    expect(operation('get free/busy schedule')!.path.test('/me/calendar/getSchedule')).toBe(true);
  });
});

describeOperation('create event', () => {
  const event = (address: string) => ({
    subject: "Let's go for lunch",
    start: { dateTime: '2026-03-10T12:00:00', timeZone: 'Pacific Standard Time' },
    end: { dateTime: '2026-03-10T14:00:00', timeZone: 'Pacific Standard Time' },
    attendees: [{ emailAddress: { address, name: 'Aisha Bello' }, type: 'required' }],
  });
  const copies = (graph: FakeGraph) => graph.calendars.eventsOf(aisha.id).filter((e) => !e.id.startsWith('seed-'));

  it('puts the meeting in the calendar of an attendee addressed by mail', async () => {
    const graph = new FakeGraph({ users, now });
    expect((await call(graph, 'POST', '/me/events', ['Calendars.ReadWrite'], event(AISHA_MAIL))).status).toBe(201);
    expect(copies(graph)).toHaveLength(1);
  });

  it('creates the event but reaches no one for an attendee addressed by a user principal name that is no address', async () => {
    const graph = new FakeGraph({ users, now });
    expect((await call(graph, 'POST', '/me/events', ['Calendars.ReadWrite'], event(AISHA_UPN))).status).toBe(201);
    expect(copies(graph)).toHaveLength(0);
  });

  it('is in the catalogue with its permission', () => {
    expect(operation('create event')).toMatchObject({ method: 'POST', permissions: ['Calendars.ReadWrite'] });
  });
});

describeOperation('send sharing invitation', () => {
  async function fileIn(graph: FakeGraph) {
    const put = await call(graph, 'PUT', '/me/drive/root:/Reverse%20mentoring/pair.json:/content', ['Files.ReadWrite'], '{}');
    return ((await put.json()) as { id: string }).id;
  }
  const invite = (email: string) => ({ recipients: [{ email }], requireSignIn: true, sendInvitation: false, roles: ['write'] });

  it('grants the recipient addressed by mail: 200 with the permissions', async () => {
    const graph = new FakeGraph({ users, now });
    const id = await fileIn(graph);
    const response = await call(graph, 'POST', `/me/drive/items/${id}/invite`, ['Files.ReadWrite'], invite(AISHA_MAIL));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ value: [{ roles: ['write'], grantedToV2: { user: { id: aisha.id } } }] });
  });

  it('refuses a user principal name that is no address (the page is silent; stricter): 400 in Graph’s error shape, nothing shared', async () => {
    const graph = new FakeGraph({ users, now });
    const id = await fileIn(graph);
    const response = await call(graph, 'POST', `/me/drive/items/${id}/invite`, ['Files.ReadWrite'], invite(AISHA_UPN));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(graph.drives.snapshot()[0]!.permissions).toEqual([]);
  });

  it('is in the catalogue with its permission', () => {
    expect(operation('send sharing invitation')).toMatchObject({ method: 'POST', permissions: ['Files.ReadWrite'] });
    expect(operation('send sharing invitation')!.path.test('/me/drive/items/ABC/invite')).toBe(true);
  });
});
