/**
 * The app's proposal runner: the programme proposal in a Web Worker of its own per run (a module
 * worker from this origin, which the Content-Security-Policy's worker-src 'self' allows), so the
 * page stays responsive while it runs. Vite bundles the worker from the URL below into a chunk of
 * its own, loaded only when an owner runs matching.
 */
import { workerProposalRunner, type ProposalReply, type ProposalRunner } from '@/application/programme/proposal-runner';

/** Runs each proposal in a new Web Worker, ended when its answer comes or the run is cancelled. */
export function webWorkerProposalRunner(): ProposalRunner {
  return workerProposalRunner(() => {
    const worker = new Worker(new URL('../../application/programme/proposal.worker.ts', import.meta.url), { type: 'module', name: 'programme-proposal' });
    return {
      postMessage: (request) => worker.postMessage(request),
      listen: (reply, failed) => {
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
  });
}
