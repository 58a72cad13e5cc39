import { describe, expect, it } from 'vitest';
import { demoProgramme } from '@/demo/graph/demo-programme';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import type { StoredProfile } from '@/services/profile/profile-store';
import { programmeMatcher } from './open-programme';
import { proposalInputOf, proposeProgramme, type OwnerDecisions } from './proposal';
import { answerProposalRequest, inThreadProposalRunner, runProposal } from './proposal-run';
import {
  describeProposalFailure,
  peopleColumnsOf,
  peopleOfColumns,
  PROPOSAL_FAILED,
  PROPOSAL_WORKER_FAILED,
  ProposalFailed,
  workerProposalRunner,
  type ProposalReply,
  type ProposalRequest,
} from './proposal-runner';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const LEVEL_GAP = 2;

const tenantOf = demoProgramme;

/** The proposal as the programme view made it before the worker: the owner's matcher, in this thread. */
function inThread(tenant: ReturnType<typeof tenantOf>, decisions: OwnerDecisions) {
  const matcher = programmeMatcher({ model: tenant.model, profiles: tenant.profiles, levelGap: LEVEL_GAP, exclusions: decisions.exclusions, now: NOW });
  return proposeProgramme(matcher, tenant.profiles, decisions, NOW);
}

const inputOf = (tenant: ReturnType<typeof tenantOf>, decisions: OwnerDecisions) => proposalInputOf({ ...tenant, levelGap: LEVEL_GAP, decisions, now: NOW });

const demo = tenantOf(generateDemoTenant());
const none: OwnerDecisions = { pins: [], exclusions: [] };

/**
 * A generated tenant with every rule the input carries: the owner's pins and exclusions, an
 * executive who has a reverse mentor now (out of the proposal), and a pair whose series ended (a
 * past pair, never proposed again).
 */
function busyTenant() {
  const tenant = tenantOf(generateDemoTenant({ size: 4000, seed: 7 }));
  const first = inThread(tenant, none).pairs;
  expect(first.length).toBeGreaterThanOrEqual(6);
  const [a, b, c, d, paired, ended] = first;
  const decisions: OwnerDecisions = {
    // Swapped mentors: pairs the matching would not have proposed by itself.
    pins: [
      [a!.menteeId, b!.mentorId],
      [b!.menteeId, a!.mentorId],
    ],
    exclusions: [
      [c!.menteeId, c!.mentorId],
      [d!.menteeId, d!.mentorId],
    ],
  };
  const profiles = tenant.profiles.map((p): StoredProfile => {
    if (p.personId === paired!.mentorId) return { ...p, accepted: [paired!.menteeId] };
    if (p.personId === ended!.menteeId) {
      return { ...p, bookings: [{ with: ended!.mentorId, start: '2026-01-05T10:00:00Z', zone: 'UTC', everyWeeks: 2, weeks: 12, minutes: 45, uid: 'u', workspace: 'w' }] };
    }
    return p;
  });
  return { tenant: { ...tenant, profiles }, decisions, paired: paired!, ended: ended! };
}

describe('the proposal worker’s handler', () => {
  it('proposes for the demo tenant exactly what the programme view proposed in the thread', () => {
    const expected = inThread(demo, none);
    expect(expected.pairs.length).toBeGreaterThan(10);
    const reply = answerProposalRequest({ id: 1, input: inputOf(demo, none) });
    expect(reply).toEqual({ id: 1, proposal: expected });
  });

  it('proposes the same with pins, exclusions, an executive paired now and a past pair', () => {
    const { tenant, decisions, paired, ended } = busyTenant();
    const expected = inThread(tenant, decisions);
    const proposal = runProposal(inputOf(tenant, decisions));
    expect(proposal).toEqual(expected);
    // The rules did take effect, so the two agree on something that matters.
    const has = (pairs: typeof proposal.pairs, [e, m]: readonly [string, string]) => pairs.some((p) => p.menteeId === e && p.mentorId === m);
    for (const pin of decisions.pins) expect(proposal.pairs.find((p) => p.menteeId === pin[0])).toMatchObject({ mentorId: pin[1], pinned: true });
    for (const exclusion of decisions.exclusions) expect(has(proposal.pairs, exclusion)).toBe(false);
    expect(proposal.pairs.some((p) => p.menteeId === paired.menteeId)).toBe(false);
    expect(proposal.unmatched.some((u) => u.menteeId === paired.menteeId)).toBe(false);
    expect(has(proposal.pairs, [ended.menteeId, ended.mentorId])).toBe(false);
  });

  it('loses nothing in a structured clone, there and back', () => {
    const { tenant, decisions } = busyTenant();
    const input = inputOf(tenant, decisions);
    const cloned = structuredClone(input);
    expect(cloned).toStrictEqual(input);
    // The people cross as columns and come back as the model's records (a field left out stays out: undefined).
    expect(peopleOfColumns(cloned.people)).toEqual(tenant.model.people);
    // Every field, and managers of all kinds: one among the people, none, one the directory does not hold.
    const named = [
      { id: 'a', displayName: 'A', managerId: 'c', jobTitle: 'CEO', department: 'Sales', officeLocation: 'Leeds', country: 'UK' },
      { id: 'b', displayName: 'B', managerId: undefined, jobTitle: undefined, department: undefined, officeLocation: undefined, country: undefined },
      { id: 'c', displayName: 'C', managerId: 'gone', jobTitle: 'VP', department: 'Sales', officeLocation: undefined, country: 'FR' },
    ];
    const indexOf = new Map(named.map((p, i) => [p.id, i]));
    expect(peopleOfColumns(structuredClone(peopleColumnsOf(named, indexOf)))).toStrictEqual(named);
    const proposal = runProposal(cloned);
    expect(proposal).toStrictEqual(runProposal(input));
    expect(structuredClone(proposal)).toStrictEqual(proposal);
    // Only what matching reads crosses: no answers, bookings or own words.
    expect(input.profiles.every((p) => Object.keys(p).every((k) => ['personId', 'mentor', 'mentee', 'languages', 'timeZone'].includes(k)))).toBe(true);
  });

  it('answers a failed run in words, never with the error’s own text', () => {
    const reported: unknown[] = [];
    const reply = answerProposalRequest({ id: 4, input: { ...inputOf(demo, none), people: undefined as never } }, (error) => reported.push(error));
    expect(reply).toEqual({ id: 4, problem: PROPOSAL_FAILED });
    expect(reported).toHaveLength(1);
  });
});

/** A worker that answers by hand: what the runner posted, and whether it was ended. */
function handWorker() {
  const posted: ProposalRequest[] = [];
  let replyTo: ((reply: ProposalReply) => void) | undefined;
  let failTo: (() => void) | undefined;
  const worker = {
    posted,
    terminated: 0,
    reply: (reply: ProposalReply) => replyTo!(reply),
    fail: () => failTo!(),
    postMessage: (request: ProposalRequest) => posted.push(request),
    listen: (reply: (reply: ProposalReply) => void, failed: () => void) => {
      replyTo = reply;
      failTo = failed;
    },
    terminate: () => void worker.terminated++,
  };
  return worker;
}

describe('the worker runner', () => {
  const input = inputOf(demo, none);

  it('posts the input, answers with the worker’s proposal and ends the worker', async () => {
    const worker = handWorker();
    const run = workerProposalRunner(() => worker)(input);
    const [request] = worker.posted;
    expect(request!.input).toBe(input);
    worker.reply({ id: request!.id + 1, problem: 'someone else’s run' });
    worker.reply(answerProposalRequest(request!));
    await expect(run).resolves.toEqual(inThread(demo, none));
    expect(worker.terminated).toBe(1);
  });

  it('ends the worker when the run is cancelled, and rejects as aborted', async () => {
    const worker = handWorker();
    const controller = new AbortController();
    const run = workerProposalRunner(() => worker)(input, controller.signal);
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(1);
    // A run cancelled before it starts starts no worker.
    let started = 0;
    await expect(
      workerProposalRunner(() => {
        started++;
        return handWorker();
      })(input, controller.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toBe(0);
  });

  it('says in words when the worker cannot start, fails or cannot match', async () => {
    const failing = handWorker();
    const failed = workerProposalRunner(() => failing)(input);
    failing.fail();
    await expect(failed).rejects.toEqual(new ProposalFailed(PROPOSAL_WORKER_FAILED));
    expect(failing.terminated).toBe(1);

    const refused = workerProposalRunner(() => {
      throw new Error('SecurityError: Failed to construct Worker');
    })(input);
    await expect(refused).rejects.toEqual(new ProposalFailed(PROPOSAL_WORKER_FAILED));

    const stopped = handWorker();
    const problem = workerProposalRunner(() => stopped)(input);
    stopped.reply({ id: stopped.posted[0]!.id, problem: PROPOSAL_FAILED });
    await expect(problem).rejects.toBeInstanceOf(ProposalFailed);
    expect(describeProposalFailure(await problem.catch((error: unknown) => error))).toBe(PROPOSAL_FAILED);
    expect(describeProposalFailure(new TypeError('x is undefined at runProposal (proposal-run.ts:12:3)'))).toBe(PROPOSAL_FAILED);
  });

  it('runs in the thread through the same handler, and not at all once cancelled', async () => {
    await expect(inThreadProposalRunner(input)).resolves.toEqual(inThread(demo, none));
    const controller = new AbortController();
    controller.abort();
    await expect(inThreadProposalRunner(input, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
