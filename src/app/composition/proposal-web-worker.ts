/**
 * The proposal runner's Web Worker side, loaded on the first run (proposal-worker.ts): a module
 * worker from this origin per run, which the Content-Security-Policy's worker-src 'self' allows.
 * Vite bundles the worker from the URL below into a chunk of its own.
 */
import { workerProposalRunner, type ProposalReply } from '@/application/programme/proposal-runner';

/** A new Web Worker running application/programme/proposal.worker.ts, adapted to the runner's ProposalWorker. */
function startWorker() {
  const worker = new Worker(new URL('../../application/programme/proposal.worker.ts', import.meta.url), { type: 'module', name: 'programme-proposal' });
  return {
    postMessage: (request: unknown) => worker.postMessage(request),
    listen: (reply: (reply: ProposalReply) => void, failed: () => void) => {
      worker.onmessage = (event: MessageEvent<ProposalReply>) => reply(event.data);
      // A worker that cannot load (blocked by a policy, a failed download) or throws outside the handler.
      worker.onerror = (event) => {
        event.preventDefault();
        failed();
      };
      worker.onmessageerror = failed;
    },
    terminate: () => worker.terminate(),
  };
}

/** Runs each proposal in a new Web Worker, ended when its answer comes or the run is cancelled. */
export const webWorkerRunner = workerProposalRunner(startWorker);
