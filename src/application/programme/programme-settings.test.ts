import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { PROGRAMME_LISTS } from '@/services/programme/programme-store';
import { ensureProgrammeStore } from './programme-store-setup';
import { evaluationStatements, OWN_EVALUATION } from './evaluation-statements';
import { effectiveRules, readProgrammeSettings, ruleProblems, saveProgrammeSettings, type ProgrammeRules } from './programme-settings';

const users = generateDemoTenant({ size: 40 });
const [margaret, , , priya] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, unknown, (typeof DEMO_PEOPLE)[number]];
const GROUP = '11111111-2222-4333-8444-555555555555';
const PACKAGED: ProgrammeRules = { levelGap: 2, cadenceWeeks: 2, sessionMinutes: 45, durationMonths: 6, codeOfConduct: '', evaluation: '', rounds: [] };
const place = { ownerGroupId: GROUP };

/** Priya, the programme owner, created the store's lists. */
async function setup({ granted = true, lists = true } = {}) {
  const graph = new FakeGraph({ users, groups: new Map([[GROUP, new Set([priya.id])]]), ...(granted ? { siteGrants: new Map([[GROUP, 'manage' as const]]) } : {}) });
  const clientFor = (person: { id: string; displayName: string }) =>
    new GraphClient({ identity: createDemoIdentity(person as (typeof DEMO_PEOPLE)[number]), fetch: graph.fetch, sleep: () => Promise.resolve() });
  if (lists) await ensureProgrammeStore(clientFor(priya), GROUP);
  return { graph, clientFor };
}

describe('programme settings', () => {
  it('are the packaged values before any owner saves, and when the lists are not set up yet', async () => {
    const { clientFor } = await setup();
    expect(await readProgrammeSettings(clientFor(margaret), place, PACKAGED)).toMatchObject({ rules: PACKAGED, set: {}, entry: undefined, notSetUp: false });
    const bare = await setup({ lists: false });
    expect(await readProgrammeSettings(bare.clientFor(margaret), place, PACKAGED)).toMatchObject({ rules: PACKAGED, notSetUp: true });
  });

  it('are what an owner saved, for everyone, over the packaged values; a value put back follows the package again', async () => {
    const { clientFor } = await setup();
    const saved = await saveProgrammeSettings(clientFor(priya), { ...place, me: priya.id }, { ...PACKAGED, cadenceWeeks: 3, codeOfConduct: 'We keep it between us.' }, PACKAGED, undefined);
    expect(saved.set).toEqual({ cadenceWeeks: 3, codeOfConduct: 'We keep it between us.' });
    const read = await readProgrammeSettings(clientFor(margaret), place, PACKAGED);
    expect(read.rules).toEqual({ ...PACKAGED, cadenceWeeks: 3, codeOfConduct: 'We keep it between us.' });
    // A new package's default applies where the owners set nothing.
    expect((await readProgrammeSettings(clientFor(margaret), place, { ...PACKAGED, levelGap: 4 })).rules.levelGap).toBe(4);

    await saveProgrammeSettings(clientFor(priya), { ...place, me: priya.id }, { ...PACKAGED, cadenceWeeks: 2 }, PACKAGED, read.entry);
    expect((await readProgrammeSettings(clientFor(margaret), place, { ...PACKAGED, cadenceWeeks: 4 })).rules.cadenceWeeks).toBe(4);
  });

  it('ignores an entry written by someone who is not an owner', async () => {
    const { clientFor } = await setup();
    const margaretsClient = clientFor(margaret);
    // What a participant could send by hand: the list lets them write, but the app does not trust it.
    const { store } = await ensureProgrammeStore(clientFor(priya), GROUP);
    await margaretsClient.write('POST', `/sites/${store.siteId}/lists/${store.listIds.settings}/items`, ['Sites.Selected'], {
      fields: { Title: 'settings', PersonId: margaret.id, Data: JSON.stringify({ levelGap: 1, codeOfConduct: 'Anything goes.' }) },
    });
    expect((await readProgrammeSettings(margaretsClient, place, PACKAGED)).rules).toEqual(PACKAGED);
  });

  it('ignores a stored value out of the packaged range, keeping the others', () => {
    expect(effectiveRules(PACKAGED, { levelGap: 9, sessionMinutes: 60 })).toEqual({ rules: { ...PACKAGED, sessionMinutes: 60 }, ignored: ['levelGap'] });
  });

  it('refuses values out of range with what is wrong, and saves nothing', async () => {
    const { clientFor, graph } = await setup();
    const failure = saveProgrammeSettings(clientFor(priya), { ...place, me: priya.id }, { ...PACKAGED, levelGap: 7, codeOfConduct: 'x'.repeat(1001) }, PACKAGED, undefined);
    await expect(failure).rejects.toMatchObject({
      reason: 'invalid',
      problems: { levelGap: 'Level gap must be a whole number from 1 to 6.', codeOfConduct: 'The code of conduct must be at most 1,000 characters.' },
    });
    const items = graph.lists.snapshot()[0]?.lists.find((l) => l.displayName === PROGRAMME_LISTS.settings)?.items ?? [];
    expect(items).toHaveLength(0);
    expect(ruleProblems({ sessionMinutes: 30.5 })).toEqual({ sessionMinutes: 'Session length (minutes) must be a whole number from 15 to 120.' });
  });

  it('takes up to five evaluation statements of 140 characters, one per line; none means the app’s own', () => {
    expect(ruleProblems({ evaluation: 'One\n\n  Two  \r\nThree' })).toEqual({});
    expect(evaluationStatements({ evaluation: 'One\n\n  Two  \r\nThree' })).toEqual(['One', 'Two', 'Three']);
    expect(evaluationStatements({ evaluation: ' \n ' })).toEqual(OWN_EVALUATION);
    expect(ruleProblems({ evaluation: ['1', '2', '3', '4', '5', '6'].join('\n') })).toEqual({ evaluation: 'The evaluation has at most 5 statements, one per line.' });
    expect(ruleProblems({ evaluation: 'x'.repeat(141) })).toEqual({ evaluation: 'Each evaluation statement must be at most 140 characters.' });
    expect(ruleProblems({ evaluation: 7 })).toEqual({ evaluation: 'The evaluation has at most 5 statements, one per line.' });
    // A stored value out of range is ignored: the packaged statements apply.
    expect(effectiveRules(PACKAGED, { evaluation: 'x'.repeat(141) })).toEqual({ rules: PACKAGED, ignored: ['evaluation'] });
    expect(effectiveRules(PACKAGED, { evaluation: 'Mine' }).rules.evaluation).toBe('Mine');
  });

  it('keeps the rounds an owner sets for everyone, refuses ones that do not make sense in words, and ignores such a stored one', async () => {
    const spring = { name: 'Spring 2027', start: '2027-01-04', matchUntil: '2027-01-31', end: '2027-06-30', targetSessions: 6 };
    const { clientFor } = await setup();
    await saveProgrammeSettings(clientFor(priya), { ...place, me: priya.id }, { ...PACKAGED, rounds: [spring] }, PACKAGED, undefined);
    expect((await readProgrammeSettings(clientFor(margaret), place, PACKAGED)).rules.rounds).toEqual([spring]);
    expect(ruleProblems({ rounds: [{ ...spring, matchUntil: '2027-07-01' }] })).toEqual({ rounds: 'Spring 2027: matching must close on or after its first day and on or before its last.' });
    expect(ruleProblems({ rounds: [spring, { ...spring, name: 'Again' }] })).toEqual({ rounds: 'Again: it must start after the round before it ends.' });
    expect(ruleProblems({ rounds: [spring, { ...spring, start: '2027-07-01', matchUntil: '2027-07-01', end: '2027-08-01' }] })).toEqual({
      rounds: 'Spring 2027: another round has this name; give each its own.',
    });
    expect(ruleProblems({ rounds: [{ ...spring, name: '' }] })).toEqual({ rounds: 'Round 1: give it a name of up to 40 characters.' });
    expect(ruleProblems({ rounds: [{ ...spring, targetSessions: 0 }] })).toEqual({ rounds: 'Spring 2027: the sessions each pair is asked to hold must be a whole number from 1 to 52.' });
    expect(ruleProblems({ rounds: 'soon' })).toEqual({ rounds: 'The programme keeps at most 20 rounds.' });
    expect(effectiveRules(PACKAGED, { rounds: [{ ...spring, end: '2026-01-01' }] })).toEqual({ rules: PACKAGED, ignored: ['rounds'] });
    // Rounds put back to none follow the package again: nothing of them is stored.
    const read = await readProgrammeSettings(clientFor(priya), place, PACKAGED);
    expect((await saveProgrammeSettings(clientFor(priya), { ...place, me: priya.id }, PACKAGED, PACKAGED, read.entry)).set).toEqual({});
  });

  it('never overwrites another owner’s newer save: a stale one (412) shows their values and says so', async () => {
    const { clientFor } = await setup();
    const first = await saveProgrammeSettings(clientFor(priya), { ...place, me: priya.id }, { ...PACKAGED, cadenceWeeks: 3 }, PACKAGED, undefined);
    const opened = await readProgrammeSettings(clientFor(priya), place, PACKAGED);
    await saveProgrammeSettings(clientFor(priya), { ...place, me: priya.id }, { ...PACKAGED, cadenceWeeks: 4 }, PACKAGED, first.entry);
    const stale = saveProgrammeSettings(clientFor(priya), { ...place, me: priya.id }, { ...PACKAGED, sessionMinutes: 30 }, PACKAGED, opened.entry);
    await expect(stale).rejects.toMatchObject({
      reason: 'changedByAnother',
      message: expect.stringMatching(/Another programme owner changed the settings/),
      current: { rules: { ...PACKAGED, cadenceWeeks: 4 } },
    });
    expect((await readProgrammeSettings(clientFor(margaret), place, PACKAGED)).rules).toEqual({ ...PACKAGED, cadenceWeeks: 4 });
  });

  it('does not add a second entry over one another owner saved first', async () => {
    const { clientFor } = await setup();
    await saveProgrammeSettings(clientFor(priya), { ...place, me: priya.id }, { ...PACKAGED, cadenceWeeks: 3 }, PACKAGED, undefined);
    const second = saveProgrammeSettings(clientFor(priya), { ...place, me: priya.id }, { ...PACKAGED, cadenceWeeks: 5 }, PACKAGED, undefined);
    await expect(second).rejects.toMatchObject({ reason: 'changedByAnother', current: { rules: { cadenceWeeks: 3 } } });
  });

  it('is for owners only, and says what to ask the admin for', async () => {
    const { clientFor } = await setup();
    await expect(saveProgrammeSettings(clientFor(margaret), { ...place, me: margaret.id }, PACKAGED, PACKAGED, undefined)).rejects.toMatchObject({
      reason: 'notOwner',
      message: expect.stringMatching(/Ask your Microsoft 365 admin to add you to the programme owners’ group/),
    });
    const ungranted = await setup({ granted: false, lists: false });
    const refused = readProgrammeSettings(ungranted.clientFor(margaret), place, PACKAGED);
    await expect(refused).rejects.toMatchObject({ reason: 'notGranted', message: expect.stringMatching(/Sites\.Selected/) });
    await expect(refused).rejects.not.toMatchObject({ message: expect.stringMatching(/Access denied/) });
  });
});
