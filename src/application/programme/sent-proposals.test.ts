import { describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { bookingPairsOf } from '@/application/booking/booking-pairs';
import type { ProgrammeAssignment } from '@/domain/matching/engine';
import { loadDirectory } from '@/services/graph/directory-loader';
import { GraphClient } from '@/services/graph/graph-client';
import { openProgrammeStore, PROGRAMME_LISTS } from '@/services/programme/programme-store';
import type { SignedInPerson } from '@/services/identity/identity';
import { mentorLoadsOf, openProgramme, programmeMatcher } from './open-programme';
import { alreadyPairedOf, proposeProgramme } from './proposal';
import { myRequest } from './requests';
import {
  answerMyProposal,
  decisionsAfterSending,
  pairsFor,
  ProposalAnswerError,
  reasonsOfProposal,
  readSentPairs,
  sendProposal,
  settleMyProposals,
  withSentPairs,
  type SentPair,
} from './sent-proposals';

const users = generateDemoTenant({ size: 400 });
const [margaret, diego, aisha, priya] = DEMO_PEOPLE as unknown as readonly [SignedInPerson, SignedInPerson, SignedInPerson, SignedInPerson];
const NOW = Date.parse('2026-11-23T09:00:00Z');
const LATER = NOW + 3_600_000;

async function tenant() {
  const extensions = generateDemoProfiles(users);
  const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
  graph.waitFor(seedDemoProgrammeStore(graph, extensions));
  const clientOf = (person: SignedInPerson) => new GraphClient({ identity: createDemoIdentity(person), fetch: graph.fetch, sleep: () => Promise.resolve() });
  const snapshot = await loadDirectory(clientOf(priya));
  /** Someone's client, their open store and the programme as they read it now. */
  const as = async (person: SignedInPerson) => {
    const client = clientOf(person);
    const store = await openProgrammeStore(client, DEMO_OWNER_GROUP_ID);
    const programme = await openProgramme({ client, snapshot, levelGap: 1, now: () => NOW });
    const me = programme.list.find((p) => p.personId === person.id);
    /** Answers as this person, with the profiles as read. */
    const answer = (proposalId: string, answer: 'accepted' | 'declined') =>
      answerMyProposal(client, store, me, proposalId, answer, { profiles: programme.list, now: LATER, meId: person.id });
    return { client, store, programme, me, answer };
  };
  /** A person of the tenant (not one of the demo's four), to answer as. */
  const personOf = (id: string): SignedInPerson => {
    const user = users.find((u) => u.id === id)!;
    return { id, displayName: user.displayName, userPrincipalName: user.userPrincipalName, tenantId: priya.tenantId };
  };
  return { as, personOf, graph };
}

/** A proposal of exactly these pairs, as the matcher would give it. */
const assignment = (...pairs: [string, string][]): ProgrammeAssignment => ({
  pairs: pairs.map(([menteeId, mentorId]) => ({ menteeId, mentorId, score: 0.5, reasons: [{ code: 'teaches', topics: ['generative-ai'] }, { code: 'pinned' }], pinned: true })),
  unmatched: [],
});

const stateOf = (sent: readonly SentPair[], executiveId: string) => sent.find((p) => p.proposal.executiveId === executiveId);

describe('owners send the pairs', () => {
  it('sends every proposed pair with its reason codes and a round, tells `afterSend` once, and never sends a pair twice', async () => {
    const { as } = await tenant();
    const owner = await as(priya);
    const proposal = proposeProgramme(owner.programme.matcher, owner.programme.list, { pins: [], exclusions: [] }, NOW);
    expect(proposal.pairs.length).toBeGreaterThan(3);
    const afterSend = vi.fn(() => Promise.resolve());

    const first = await sendProposal(owner.store, priya.id, proposal, [], { now: NOW, afterSend });
    expect(first.sent).toHaveLength(proposal.pairs.length);
    expect(afterSend).toHaveBeenCalledExactlyOnceWith(first.sent);
    const read = await readSentPairs(owner.store);
    expect(read.pairs.map((p) => [p.proposal.executiveId, p.proposal.mentorId, p.state])).toEqual(proposal.pairs.map((p) => [p.menteeId, p.mentorId, 'waiting']));
    expect(read.pairs[0]!.proposal).toMatchObject({ round: 'r20261123T090000Z', sentBy: priya.id, reasonCodes: [...new Set(proposal.pairs[0]!.reasons.map((r) => r.code))] });

    const again = await sendProposal(owner.store, priya.id, proposal, read.pairs, { now: LATER, afterSend });
    expect(again).toEqual({ sent: [], alreadySent: proposal.pairs.length, waitingForKeys: 0 });
    expect(afterSend).toHaveBeenCalledOnce();
    expect((await readSentPairs(owner.store)).pairs).toHaveLength(proposal.pairs.length);
  });

  it('keeps what was sent when `afterSend` fails, and says so', async () => {
    const { as } = await tenant();
    const owner = await as(priya);
    const failure = new Error('no Teams');
    const result = await sendProposal(owner.store, priya.id, assignment([margaret.id, diego.id]), [], { now: NOW, afterSend: () => Promise.reject(failure) });
    expect(result).toMatchObject({ afterSendFailed: failure });
    expect((await readSentPairs(owner.store)).pairs).toHaveLength(1);
  });

  it('reads both answers: paired when both accept, declined when one declines, and who is still waiting', async () => {
    const { as, personOf } = await tenant();
    const owner = await as(priya);
    const other = owner.programme.matcher.mentees.find((id) => id !== margaret.id)!;
    await sendProposal(owner.store, priya.id, assignment([margaret.id, diego.id], [other, aisha.id]), [], { now: NOW });
    const [toMargaret, toOther] = (await readSentPairs(owner.store)).pairs.map((p) => p.proposal.id) as [string, string];

    const m = await as(margaret);
    expect((await m.answer(toMargaret, 'accepted')).pair).toMatchObject({ executive: 'accepted', mentor: 'waiting', state: 'waiting' });
    expect((await (await as(diego)).answer(toMargaret, 'accepted')).pair.state).toBe('paired');
    expect((await (await as(aisha)).answer(toOther, 'declined')).pair.state).toBe('declined');

    const read = await readSentPairs(owner.store);
    expect(stateOf(read.pairs, margaret.id)).toMatchObject({ executive: 'accepted', mentor: 'accepted', state: 'paired' });
    expect(stateOf(read.pairs, other)).toMatchObject({ executive: 'waiting', mentor: 'declined', state: 'declined' });
    // An executive cannot accept a pair the mentor declined.
    const them = await as(personOf(other));
    await expect(them.answer(toOther, 'accepted')).rejects.toThrow(ProposalAnswerError);
    expect(pairsFor(diego.id, read.pairs).map((p) => p.proposal.id)).toEqual([toMargaret]);
  });

  it('seals whom a proposal pairs, and each answer, for the two and the owners: no other participant reads them', async () => {
    const { as, graph } = await tenant();
    const owner = await as(priya);
    await sendProposal(owner.store, priya.id, assignment([margaret.id, diego.id]), [], { now: NOW });
    const [id] = (await readSentPairs(owner.store)).pairs.map((p) => p.proposal.id) as [string];
    await (await as(margaret)).answer(id, 'declined');

    const stored = (name: string) =>
      JSON.stringify(
        graph.lists
          .snapshot()[0]!
          .lists.find((l) => l.displayName === name)!
          .items.map((i) => i.fields.Data),
      );
    expect(stored(PROGRAMME_LISTS.proposals)).not.toContain(margaret.id);
    expect(stored(PROGRAMME_LISTS.proposals)).not.toContain(diego.id);
    expect(stored(PROGRAMME_LISTS.answers)).not.toContain('declined');
    // Aisha takes part too, but this pair is none of hers.
    expect((await readSentPairs((await as(aisha)).store)).pairs).toEqual([]);
    expect(stateOf((await readSentPairs((await as(diego)).store)).pairs, margaret.id)).toMatchObject({ executive: 'declined', state: 'declined' });
    expect(stateOf((await readSentPairs(owner.store)).pairs, margaret.id)).toMatchObject({ executive: 'declined', state: 'declined' });
  });

  it('holds a pair one of whom has no key yet (they have not opened the app), and sends it once they have', async () => {
    const { as } = await tenant();
    const owner = await as(priya);
    const outsider = users.find((u) => u.accountEnabled && u.userType === 'Member' && !owner.programme.list.some((p) => p.personId === u.id))!;
    const result = await sendProposal(owner.store, priya.id, assignment([margaret.id, diego.id], [outsider.id, aisha.id]), [], { now: NOW });
    expect(result).toMatchObject({ alreadySent: 0, waitingForKeys: 1 });
    expect(result.sent.map((p) => p.executiveId)).toEqual([margaret.id]);
  });

  it('an accepted proposal is an accepted request: Margaret books with Diego, and Diego’s place counts as taken', async () => {
    const { as } = await tenant();
    const owner = await as(priya);
    await sendProposal(owner.store, priya.id, assignment([margaret.id, diego.id]), [], { now: NOW });
    const [id] = (await readSentPairs(owner.store)).pairs.map((p) => p.proposal.id) as [string];
    await (await as(margaret)).answer(id, 'accepted');
    await (await as(diego)).answer(id, 'accepted');

    const after = await as(margaret);
    expect(myRequest(after.me, after.programme.list, NOW)).toEqual({ kind: 'accepted', mentorId: diego.id });
    expect(bookingPairsOf(margaret.id, after.me!, after.programme.list, after.programme.people, NOW)?.mentor?.id).toBe(diego.id);
    expect(alreadyPairedOf(after.programme.list, NOW).has(margaret.id)).toBe(true);
    expect(mentorLoadsOf(after.programme.list, NOW).get(diego.id)).toBe(1);
  });

  it('when the mentor accepts first, his own client records the pair once the executive has accepted', async () => {
    const { as } = await tenant();
    const owner = await as(priya);
    await sendProposal(owner.store, priya.id, assignment([margaret.id, diego.id]), [], { now: NOW });
    const [id] = (await readSentPairs(owner.store)).pairs.map((p) => p.proposal.id) as [string];
    expect((await (await as(diego)).answer(id, 'accepted')).profile).toBeUndefined();
    await (await as(margaret)).answer(id, 'accepted');
    const waiting = await as(margaret);
    expect(myRequest(waiting.me, waiting.programme.list, NOW).kind).toBe('pending');

    const d = await as(diego);
    const settled = await settleMyProposals(d.client, d.me, (await readSentPairs(d.store)).pairs, { profiles: d.programme.list, now: LATER });
    expect(settled?.accepted).toContain(margaret.id);
    const again = await as(diego);
    expect(await settleMyProposals(again.client, again.me, (await readSentPairs(again.store)).pairs, { profiles: again.programme.list, now: LATER })).toBeUndefined();
    const paired = await as(margaret);
    expect(myRequest(paired.me, paired.programme.list, NOW)).toEqual({ kind: 'accepted', mentorId: diego.id });
  });

  it('the run after sending never proposes a declined pair (pinned or not) or a past pair, and leaves out executives still waiting or accepted', async () => {
    const { as, personOf } = await tenant();
    const owner = await as(priya);
    const first = proposeProgramme(owner.programme.matcher, owner.programme.list, { pins: [], exclusions: [] }, NOW);
    await sendProposal(owner.store, priya.id, first, [], { now: NOW });
    const sent = (await readSentPairs(owner.store)).pairs;
    const [declined, waiting, accepted] = sent as [SentPair, SentPair, SentPair];
    await (await as(personOf(declined.proposal.executiveId))).answer(declined.proposal.id, 'declined');
    await (await as(personOf(accepted.proposal.executiveId))).answer(accepted.proposal.id, 'accepted');
    await (await as(personOf(accepted.proposal.mentorId))).answer(accepted.proposal.id, 'accepted');

    const reread = await as(priya);
    const now = (await readSentPairs(reread.store)).pairs;
    expect(stateOf(now, accepted.proposal.executiveId)?.state).toBe('paired');
    // The owner had pinned the declined pair: the pin no longer proposes it.
    const decisions = decisionsAfterSending({ pins: [[declined.proposal.executiveId, declined.proposal.mentorId]], exclusions: [] }, now);
    const profiles = withSentPairs(reread.programme.list, now);
    const matcher = programmeMatcher({ model: reread.programme.model, profiles, levelGap: 1, exclusions: decisions.exclusions, now: NOW });
    const next = proposeProgramme(matcher, profiles, decisions, NOW);

    const pairs = next.pairs.map((p) => `${p.menteeId}|${p.mentorId}`);
    expect(pairs).not.toContain(`${declined.proposal.executiveId}|${declined.proposal.mentorId}`);
    expect(matcher.whyNot(declined.proposal.executiveId, declined.proposal.mentorId).map((w) => w.code)).toContain('excluded');
    const executives = new Set(next.pairs.map((p) => p.menteeId));
    for (const p of now.filter((s) => s.state !== 'declined')) expect(executives.has(p.proposal.executiveId)).toBe(false);
    expect(executives.has(declined.proposal.executiveId)).toBe(true);
    expect(waiting.state).toBe('waiting');
    // The mentors of waiting and accepted pairs have their places counted.
    for (const p of now.filter((s) => s.state !== 'declined')) {
      expect(mentorLoadsOf(profiles, NOW).get(p.proposal.mentorId)).toBeGreaterThanOrEqual(
        (mentorLoadsOf(reread.programme.list, NOW).get(p.proposal.mentorId) ?? 0) + (p.state === 'paired' ? 0 : 1),
      );
    }
    // Sending the next proposal sends only the new pairs.
    const second = await sendProposal(reread.store, priya.id, next, now, { now: LATER });
    expect(second.sent.map((p) => p.executiveId)).toEqual(next.pairs.map((p) => p.menteeId));
  });

  it('a past pair is not proposed again after sending either', async () => {
    const { as } = await tenant();
    const owner = await as(priya);
    const past = {
      with: diego.id,
      start: '2026-01-05T09:00:00.000Z',
      zone: 'Europe/London',
      everyWeeks: 2,
      weeks: 4,
      minutes: 45,
      uid: 'u',
      workspace: 'https://contoso-my.sharepoint.com/x.json',
    };
    const profiles = owner.programme.list.map((p) => (p.personId === margaret.id ? { ...p, bookings: [past] } : p));
    const matcher = programmeMatcher({ model: owner.programme.model, profiles: withSentPairs(profiles, []), levelGap: 1, now: NOW });
    expect(proposeProgramme(matcher, profiles, decisionsAfterSending({ pins: [], exclusions: [] }, []), NOW).pairs.some((p) => p.menteeId === margaret.id && p.mentorId === diego.id)).toBe(
      false,
    );
    expect(matcher.whyNot(margaret.id, diego.id).map((w) => w.code)).toContain('past-pair');
  });

  it('gives the reasons the owner sent, with today’s details, for the reader to word', async () => {
    const { as } = await tenant();
    const owner = await as(priya);
    await sendProposal(owner.store, priya.id, assignment([margaret.id, aisha.id]), [], { now: NOW });
    const [pair] = (await readSentPairs(owner.store)).pairs as [SentPair];
    const reasons = reasonsOfProposal(owner.programme.matcher, pair.proposal);
    expect(reasons.map((r) => r.code)).toEqual(['pinned', 'teaches']);
    expect(reasons[1]).toMatchObject({ code: 'teaches', topics: ['generative-ai', 'social-media', 'younger-customers'] });
  });
});
