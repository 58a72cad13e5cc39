/**
 * The Web Worker the programme proposal runs in (started per run by the composition root's runner,
 * src/app/composition/proposal-web-worker.ts): each message is a ProposalRequest, each answer the
 * handler's ProposalReply. The handler is proposal-run.ts, the same the tests and benches run.
 */
import type { ProposalRequest } from './proposal-runner';
import { answerProposalRequest } from './proposal-run';

/** The part of a dedicated worker's global scope this worker uses (the DOM library types `self` as a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ProposalRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
// The error's own words and stack go to the worker's console, for whoever debugs; the owner reads the reply's words.
scope.onmessage = (event) => scope.postMessage(answerProposalRequest(event.data, (error) => console.error(error)));
