// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PairAgenda } from '@/application/meeting/open-pair-agenda';
import { addItem, agreeConduct, emptyAgenda, review, setConduct, setDone, setGoals, type AgendaDoc } from '@/domain/agenda/agenda';
import { AgendaSync } from '@/services/agenda/agenda-sync';
import type { StoredWorkspace } from '@/services/agenda/workspace-store';
import { AgendaView } from './agenda-view';

afterEach(cleanup);

const people = { executive: { id: 'exec', name: 'Margaret Lindqvist' }, mentor: { id: 'mentor', name: 'Diego Alvarez' } };
const margaret = { client: 'm', person: 'exec' };
const diego = { client: 'd', person: 'mentor' };

async function pairAgenda(doc: AgendaDoc): Promise<PairAgenda> {
  const stored = { document: { agenda: doc }, etag: '"1"' } as unknown as StoredWorkspace;
  const sync = new AgendaSync({ editor: margaret, load: () => Promise.resolve(stored), save: () => Promise.resolve(stored) });
  await sync.start();
  return { status: 'ready', sync, people, me: 'exec', session: '2026-12-02', booking: undefined };
}

function show(agenda: PairAgenda) {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <AgendaView agenda={agenda} layout="page" locale="en-GB" />
    </FluentProvider>,
  );
}

describe('the pair workspace opened on its own', () => {
  it('shows the goals, the code of conduct, and past sessions with their reviews, including a session reviewed without items', async () => {
    let doc = emptyAgenda();
    doc = setGoals(doc, margaret, 'Margaret gets fluent in generative AI.');
    doc = setConduct(doc, margaret, 'What is said here stays here.');
    doc = agreeConduct(doc, margaret);
    doc = agreeConduct(doc, diego);
    doc = addItem(doc, margaret, { id: 'i1', text: 'Try a prompt together', session: '2026-11-04' });
    doc = setDone(doc, margaret, 'i1', true);
    doc = review(doc, margaret, '2026-11-04', { useful: 4, learnt: 'Prompts need context' });
    doc = review(doc, diego, '2026-11-18', { useful: 5, learnt: '' });
    show(await pairAgenda(doc));

    const goals = screen.getByRole('region', { name: 'Our goals' });
    within(goals).getByText('Margaret gets fluent in generative AI.');
    const conduct = screen.getByRole('region', { name: 'Our code of conduct' });
    within(conduct).getByText('What is said here stays here.');
    const history = screen.getByRole('region', { name: 'Earlier sessions' });
    within(history).getByText('4 November');
    within(history).getByText('Try a prompt together');
    within(history).getByText('Margaret Lindqvist: 4/5 — “Prompts need context”');
    within(history).getByText('18 November');
    within(history).getByText('Diego Alvarez: 5/5');
  });

  it('says there are no earlier sessions yet rather than leaving them out', async () => {
    show(await pairAgenda(emptyAgenda()));
    const history = screen.getByRole('region', { name: 'Earlier sessions' });
    expect(within(history).getByText(/No earlier sessions yet/)).toBeDefined();
  });
});
