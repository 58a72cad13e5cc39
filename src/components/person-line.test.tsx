// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PhotosProvider } from '@/context/photos-context';
import { ServicesProvider, type AppServices } from '@/context/services-context';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { demoPhoto } from '@/demo/graph/demo-photos';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import type { DirectoryPerson } from '@/services/graph/directory-person';
import { GraphClient } from '@/services/graph/graph-client';
import { createPhotoLoader } from '@/services/graph/photos';
import { PersonLine } from './person-line';

afterEach(cleanup);

const users = generateDemoTenant({ size: 60 });
const withPhoto = users.filter((u) => demoPhoto(u));
const without = users.find((u) => u.userType === 'Member' && !demoPhoto(u))!;

const person = (u: (typeof users)[number]): DirectoryPerson => ({
  id: u.id,
  displayName: u.displayName,
  userPrincipalName: u.userPrincipalName,
  mail: u.mail ?? undefined,
  jobTitle: u.jobTitle ?? undefined,
  department: u.department ?? undefined,
  officeLocation: u.officeLocation ?? undefined,
  city: u.city ?? undefined,
  country: u.country ?? undefined,
  preferredLanguage: undefined,
  employeeHireDate: undefined,
  managerId: undefined,
  accountEnabled: true,
  member: true,
});

function servicesFor(graph: FakeGraph): AppServices {
  const client = new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[0]!), fetch: graph.fetch, sleep: () => Promise.resolve() });
  return { graph: () => Promise.resolve(client) } as unknown as AppServices;
}

function renderLines(people: readonly DirectoryPerson[], graph = new FakeGraph({ users }), services = servicesFor(graph)) {
  const view = render(
    <FluentProvider theme={teamsLightTheme}>
      <ServicesProvider services={services}>
        {people.map((p) => (
          <PersonLine key={p.id} person={p} fallbackName={p.displayName} locale="en-GB" />
        ))}
      </ServicesProvider>
    </FluentProvider>,
  );
  return { graph, view, services };
}

const initialsOf = (name: string) =>
  name
    .split(' ')
    .map((w) => w[0])
    .join('')
    .slice(0, 2);

describe('a person line', () => {
  it('shows initials while the photo loads, then the photo; initials stay for someone without one', async () => {
    const [first, second] = [person(withPhoto[0]!), person(withPhoto[1]!)];
    const none = person(without);
    const { graph, view } = renderLines([first!, second!, none]);
    const avatar = (p: DirectoryPerson) => screen.getByRole('img', { name: p.displayName });
    expect(avatar(first!).textContent).toBe(initialsOf(first!.displayName));
    expect(view.container.querySelectorAll('img')).toHaveLength(0);

    await waitFor(() => expect(view.container.querySelectorAll('img')).toHaveLength(2));
    expect(avatar(first!).querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(avatar(none).querySelector('img')).toBeNull();
    expect(avatar(none).textContent).toBe(initialsOf(none.displayName));
    // Three people, one $batch.
    expect(graph.stats.httpRequests).toBe(1);
  });

  it('shows a photo already loaded at once, with no new request', async () => {
    const first = person(withPhoto[2]!);
    const { graph, view, services } = renderLines([first]);
    await waitFor(() => expect(view.container.querySelector('img')).not.toBeNull());
    cleanup();
    const again = renderLines([first], graph, services);
    expect(again.view.container.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(graph.stats.httpRequests).toBe(1);
  });

  it('keeps the initials when Graph cannot be reached', async () => {
    let asked = 0;
    const loader = createPhotoLoader(() => {
      asked++;
      return Promise.reject(new Error('offline'));
    });
    const first = person(withPhoto[3]!);
    const view = render(
      <FluentProvider theme={teamsLightTheme}>
        <ServicesProvider services={{} as AppServices}>
          <PhotosProvider loader={loader}>
            <PersonLine person={first} fallbackName={first.displayName} locale="en-GB" />
          </PhotosProvider>
        </ServicesProvider>
      </FluentProvider>,
    );
    await waitFor(() => expect(asked).toBe(1));
    await act(() => Promise.resolve());
    expect(view.container.querySelector('img')).toBeNull();
    expect(screen.getByRole('img', { name: first.displayName }).textContent).toBe(initialsOf(first.displayName));
  });
});
