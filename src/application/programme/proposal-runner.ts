/**
 * The programme proposal off the main thread: the port features run it through, and the runner that
 * starts a worker per run. At 3,000 participants the programme-wide matching takes seconds, so the
 * app runs it in a Web Worker (the composition root gives features a {@link ProposalRunner} that
 * starts one); Node tests and benches run the same handler (proposal-run.ts) in the thread or in a
 * worker_threads Worker.
 *
 * What crosses to the worker is plain data a structured clone keeps whole ({@link ProposalInput}:
 * arrays, not Maps or Sets); the worker builds the org model and the matcher from it itself (the
 * domain stays pure) and answers with the {@link ProgrammeAssignment}, plain data too. This module
 * imports nothing at run time, so the composition root's runner adds almost nothing to first paint.
 */
import type { MatchingRules, ProgrammeAssignment } from '@/domain/matching/engine';
import type { ProgrammeProfile } from '@/domain/matching/profile';
import type { PersonRecord } from '@/domain/org/org-model';
import type { Pair } from './open-programme';

/**
 * The org model's people as columns, one array per field, in the model's order. At 50,000 people a
 * structured clone of a few arrays of strings takes a fraction of the time of 50,000 objects, and a
 * typed array of positions hardly any; it is the main thread that clones what it posts.
 */
export interface PeopleColumns {
  readonly ids: readonly string[];
  readonly displayNames: readonly string[];
  /** Each person's manager as a position in `ids`: -1 for none, -2 for an id not among them (in `otherManagers`). */
  readonly managers: Int32Array;
  /** Managers the directory names but `ids` does not hold: [position of the person, manager id]. */
  readonly otherManagers: readonly (readonly [number, string])[];
  readonly jobTitles: readonly (string | undefined)[];
  readonly departments: readonly (string | undefined)[];
  readonly officeLocations: readonly (string | undefined)[];
  readonly countries: readonly (string | undefined)[];
}

const NO_MANAGER = -1;
const OTHER_MANAGER = -2;

/** People as columns (see {@link PeopleColumns}); `indexOf` gives each id's position (the org model's). */
export function peopleColumnsOf(people: readonly PersonRecord[], indexOf: ReadonlyMap<string, number>): PeopleColumns {
  const otherManagers: [number, string][] = [];
  const managers = Int32Array.from(people, (p, i) => {
    if (p.managerId === undefined) return NO_MANAGER;
    const position = indexOf.get(p.managerId);
    if (position !== undefined) return position;
    otherManagers.push([i, p.managerId]);
    return OTHER_MANAGER;
  });
  // One map per column keeps each array packed (an array made at its full length first may not be), which clones fastest.
  return {
    ids: people.map((p) => p.id),
    displayNames: people.map((p) => p.displayName),
    managers,
    otherManagers,
    jobTitles: people.map((p) => p.jobTitle),
    departments: people.map((p) => p.department),
    officeLocations: people.map((p) => p.officeLocation),
    countries: people.map((p) => p.country),
  };
}

/** The people of {@link PeopleColumns}, as records again. */
export function peopleOfColumns(columns: PeopleColumns): PersonRecord[] {
  const others = new Map(columns.otherManagers);
  const managerOf = (i: number) => {
    const position = columns.managers[i]!;
    return position >= 0 ? columns.ids[position] : position === OTHER_MANAGER ? others.get(i) : undefined;
  };
  return columns.ids.map((id, i) => ({
    id,
    displayName: columns.displayNames[i]!,
    managerId: managerOf(i),
    jobTitle: columns.jobTitles[i],
    department: columns.departments[i],
    officeLocation: columns.officeLocations[i],
    country: columns.countries[i],
  }));
}

/** Everything one run of the programme proposal needs, as data a structured clone keeps whole. */
export interface ProposalInput {
  /** The org model's people, in its order: the worker builds the same model from them. */
  readonly people: PeopleColumns;
  /** The opt-ins, with only what matching reads. */
  readonly profiles: readonly ProgrammeProfile[];
  /** Executives each reverse mentor already has, as [mentor id, count]. */
  readonly loads: readonly (readonly [string, number])[];
  /** Level gap, past pairs and the owner's exclusions. */
  readonly rules: MatchingRules;
  /** The owner's pins: [executive, reverse mentor]. */
  readonly pins: readonly Pair[];
  /** Executives who have a reverse mentor now: left out of the proposal. */
  readonly alreadyPaired: readonly string[];
  /** Now, in ms: the instant whose time-zone offsets count. */
  readonly at: number;
}

/** A message to the proposal worker: one run. */
export interface ProposalRequest {
  readonly id: number;
  readonly input: ProposalInput;
}

/** The proposal worker's answer to a {@link ProposalRequest}: the proposal, or what went wrong in words. */
export type ProposalReply = { readonly id: number; readonly proposal: ProgrammeAssignment } | { readonly id: number; readonly problem: string };

/**
 * Runs a proposal somewhere (a Web Worker in the app, the thread itself in Node tests). Aborting
 * `signal` stops the run (a worker is terminated) and rejects with an AbortError; any other
 * failure rejects with a {@link ProposalFailed}.
 */
export type ProposalRunner = (input: ProposalInput, signal?: AbortSignal) => Promise<ProgrammeAssignment>;

/** Said when the matching itself fails: no proposal, and what to do. */
export const PROPOSAL_FAILED = 'Matching stopped on an unexpected problem, so there is no new proposal. Run matching again; if it stops again, reload this tab.';

/** Said when the browser cannot start the matching's worker (an old browser, or a policy that blocks it). */
export const PROPOSAL_WORKER_FAILED =
  'Matching could not start in this browser, so there is no new proposal. Reload this tab; if it still cannot start, open the app in an up-to-date Edge, Chrome, Firefox or Safari.';

/** A run that did not give a proposal; its message is worded for the owner. */
export class ProposalFailed extends Error {
  override readonly name = 'ProposalFailed';
}

/** Whether `error` is an aborted run's rejection (nothing to tell anyone about). */
export const isAbortError = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';

/** The rejection of a run whose signal aborted. */
export const abortedBy = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new DOMException('The run was cancelled.', 'AbortError'));

/** The answer of a reply: the proposal, or a {@link ProposalFailed} thrown with its words. */
export function proposalOf(reply: ProposalReply): ProgrammeAssignment {
  if ('problem' in reply) throw new ProposalFailed(reply.problem);
  return reply.proposal;
}

/** What the runner needs of a worker: what a Web Worker and a worker_threads Worker both offer, adapted. */
export interface ProposalWorker {
  postMessage(request: ProposalRequest): void;
  /** Calls `reply` with each answer, `failed` when the worker cannot run (it did not load, or crashed). */
  listen(reply: (reply: ProposalReply) => void, failed: () => void): void;
  terminate(): void;
}

/**
 * A runner that starts a worker per run (`start`), posts the input and ends the worker when the
 * answer comes, the run fails or `signal` aborts: a re-run or leaving the view stops the matching.
 */
export function workerProposalRunner(start: () => ProposalWorker): ProposalRunner {
  let next = 0;
  return (input, signal) =>
    new Promise<ProgrammeAssignment>((resolve, reject) => {
      if (signal?.aborted) return reject(abortedBy(signal));
      const id = ++next;
      let worker: ProposalWorker;
      try {
        worker = start();
      } catch {
        return reject(new ProposalFailed(PROPOSAL_WORKER_FAILED));
      }
      const stop = () => {
        worker.terminate();
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        stop();
        reject(abortedBy(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.listen(
        (reply) => {
          if (reply.id !== id) return;
          stop();
          try {
            resolve(proposalOf(reply));
          } catch (error) {
            reject(error);
          }
        },
        () => {
          stop();
          reject(new ProposalFailed(PROPOSAL_WORKER_FAILED));
        },
      );
      worker.postMessage({ id, input });
    });
}

/** What went wrong with a run, in words for the owner: a worded failure as it is, anything else in general words. */
export function describeProposalFailure(error: unknown): string {
  return error instanceof ProposalFailed ? error.message : PROPOSAL_FAILED;
}
