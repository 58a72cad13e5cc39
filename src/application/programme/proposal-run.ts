/**
 * The proposal worker's side, importing the domain alone (so the worker's chunk stays small): the
 * message handler that builds the org model and the matcher from a {@link ProposalInput} and
 * answers with the proposal. The Web Worker (proposal.worker.ts), the Node benches' worker_threads
 * Worker and the in-thread runner of the tests all run this same handler.
 */
import { createMatcher, type ProgrammeAssignment } from '@/domain/matching/engine';
import { buildOrgModel } from '@/domain/org/org-model';
import { abortedBy, peopleOfColumns, PROPOSAL_FAILED, proposalOf, type ProposalInput, type ProposalReply, type ProposalRequest, type ProposalRunner } from './proposal-runner';

/** Runs the proposal from its input alone: builds the org model and the matcher, then assigns. */
export function runProposal(input: ProposalInput): ProgrammeAssignment {
  const matcher = createMatcher({ model: buildOrgModel(peopleOfColumns(input.people)), profiles: input.profiles, loads: new Map(input.loads), rules: input.rules, at: input.at });
  return matcher.assignProgramme({ pins: input.pins, exclusions: input.rules.exclusions, alreadyPaired: new Set(input.alreadyPaired) });
}

/**
 * The worker's message handler, pure: runs the request and answers with the proposal, or with a
 * worded problem; the error itself (its text and stack) goes to `report` only, in the worker.
 */
export function answerProposalRequest(request: ProposalRequest, report: (error: unknown) => void = () => undefined): ProposalReply {
  try {
    return { id: request.id, proposal: runProposal(request.input) };
  } catch (error) {
    report(error);
    return { id: request.id, problem: PROPOSAL_FAILED };
  }
}

/**
 * Runs the proposal in this thread, through the worker's own handler (so what a test sees is what
 * the worker does). Blocks the thread for the whole run: for Node tests and benches, not the browser.
 */
export const inThreadProposalRunner: ProposalRunner = async (input, signal) => {
  if (signal?.aborted) throw abortedBy(signal);
  const proposal = proposalOf(answerProposalRequest({ id: 0, input }));
  if (signal?.aborted) throw abortedBy(signal);
  return proposal;
};
