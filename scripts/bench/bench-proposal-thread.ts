/**
 * `npx tsx scripts/bench/bench-proposal-thread.ts [people]`: how long the main thread is blocked
 * while the programme proposal runs, in a worker_threads Worker running the app's own handler (as
 * the app runs it in a Web Worker) against in the thread (as the programme view did). A generated
 * 50,000-person tenant by default, with its opt-ins (about 3,000 participants), the demo tenant's
 * level gap and a few pins and exclusions. The main thread still builds the run's input and
 * receives the answer (both structured clones): those count in its longest block.
 * Each way runs three times; the longest block is the median of the three, the worst the largest.
 * Last line JSON: {"people","participants","pairs","inThread":{"longestBlockMs","worstBlockMs","elapsedMs"},
 * "worker":{…},"same","loadPerCore"}.
 */
import { availableParallelism, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { proposalInputOf, type OwnerDecisions } from '../../src/application/programme/proposal.ts';
import { inThreadProposalRunner } from '../../src/application/programme/proposal-run.ts';
import type { ProgrammeAssignment } from '../../src/domain/matching/engine.ts';
import { demoProgramme } from '../../src/demo/graph/demo-programme.ts';
import { generateDemoTenant } from '../../src/demo/graph/demo-tenant.ts';
import { mainThreadBlock, threadProposalRunner } from './proposal-threads.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const people = Number(process.argv[2] ?? 50_000);
const NOW = Date.parse('2027-01-15T12:00:00Z');
const LEVEL_GAP = 2;

const { model, profiles } = demoProgramme(generateDemoTenant({ size: people }));
log(`${people} people, ${profiles.length} participants`);
const mentees = profiles.filter((p) => p.mentee).map((p) => p.personId);
const mentors = profiles.filter((p) => p.mentor).map((p) => p.personId);
const decisions: OwnerDecisions = {
  pins: [0, 1, 2].map((i) => [mentees[i]!, mentors[i]!] as const),
  exclusions: [3, 4, 5].map((i) => [mentees[i]!, mentors[i]!] as const),
};
const input = () => proposalInputOf({ model, profiles, levelGap: LEVEL_GAP, decisions, now: NOW });

// A first run of each warms up the code (and the worker's module loading) so that the two compare like for like.
const worker = threadProposalRunner();
await worker(input());
await inThreadProposalRunner(input());

/** Each way three times (the machine may be shared): the median and the worst of the longest blocks. */
async function measure(run: () => Promise<ProgrammeAssignment>) {
  const runs: Awaited<ReturnType<typeof mainThreadBlock<ProgrammeAssignment>>>[] = [];
  for (let i = 0; i < 3; i++) runs.push(await mainThreadBlock(run));
  const blocks = runs.map((r) => r.longestBlockMs).sort((a, b) => a - b);
  const elapsed = runs.map((r) => r.elapsedMs).sort((a, b) => a - b);
  return { result: runs[0]!.result, longestBlockMs: blocks[1]!, worstBlockMs: blocks[2]!, elapsedMs: elapsed[1]! };
}

const inThread = await measure(() => inThreadProposalRunner(input()));
log(`in the thread: the main thread blocked for up to ${inThread.longestBlockMs} ms (median of 3; worst ${inThread.worstBlockMs} ms), ${inThread.elapsedMs} ms in all`);
const inWorker = await measure(() => worker(input()));
log(`in a worker: the main thread blocked for up to ${inWorker.longestBlockMs} ms (median of 3; worst ${inWorker.worstBlockMs} ms), ${inWorker.elapsedMs} ms in all`);
const same = isDeepStrictEqual(inThread.result, inWorker.result);
log(`${inWorker.result.pairs.length} pairs, ${inWorker.result.unmatched.length} not matched; the worker's proposal is ${same ? 'the same' : 'DIFFERENT'}`);
const figures = ({ longestBlockMs, worstBlockMs, elapsedMs }: typeof inThread) => ({ longestBlockMs, worstBlockMs, elapsedMs });

console.log(
  JSON.stringify({
    people,
    participants: profiles.length,
    pairs: inWorker.result.pairs.length,
    inThread: figures(inThread),
    worker: figures(inWorker),
    same,
    // A busy machine stretches every figure: the one-minute load average over the cores, for reading them.
    loadPerCore: Math.round((loadavg()[0]! / availableParallelism()) * 10) / 10,
  }),
);
if (!same) process.exitCode = 1;
