// @vitest-environment jsdom
import { renderWithServices } from '@/demo/testing/render-with-services';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppServices } from '@/context/services-context';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { describeSmallOrganisation, OrganisationCard } from './organisation-card';

afterEach(cleanup);

describe('an organisation too small to pair anyone', () => {
  it('says so in words for nobody and for one person, and nothing for two or more', () => {
    expect(describeSmallOrganisation(0)).toMatch(/^The app found nobody in your organisation who can take part yet/);
    expect(describeSmallOrganisation(1)).toBe('You are the only person in your organisation the app can see, so there is nobody to pair with yet.');
    expect(describeSmallOrganisation(2)).toBeUndefined();
  });
});

const users = generateDemoTenant({ size: 300 });

function open(person: (typeof DEMO_PEOPLE)[number], programmeOwner: AppServices['programmeOwner']) {
  renderWithServices(<OrganisationCard />, new FakeGraph({ users, extensions: generateDemoProfiles(users) }), person, { programmeOwner });
}

describe('what was wrong with the directory data', () => {
  it('is shown to programme owners: the reporting loop and the profiles that could not be read', async () => {
    open(DEMO_PEOPLE[3]!, () => Promise.resolve(true));
    await screen.findByTestId('people-count', {}, { timeout: 60_000 });
    await screen.findByText('1 reporting loop was found and broken.');
    await screen.findByText(/^2 opt-in profiles could not be read/, {}, { timeout: 30_000 });
  }, 120_000);

  it('is not shown to anyone else', async () => {
    open(DEMO_PEOPLE[0]!, false);
    await screen.findByTestId('people-count', {}, { timeout: 60_000 });
    await screen.findByText(/^Up to date as of/);
    expect(screen.queryByRole('list', { name: 'About the directory data' })).toBeNull();
    expect(screen.queryByText(/reporting loop|could not be read|manager the directory does not know/)).toBeNull();
  }, 120_000);
});
