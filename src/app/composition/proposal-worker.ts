/**
 * The app's proposal runner: the programme proposal in a Web Worker of its own per run (a module
 * worker from this origin, which the Content-Security-Policy's worker-src 'self' allows), so the
 * page stays responsive while it runs. Vite bundles the worker from the URL below into a chunk of
 * its own; it and the runner's code load only when an owner runs matching, not before first paint.
 */
import type { ProposalReply, ProposalRunner } from '@/application/programme/proposal-runner';

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
export function webWorkerProposalRunner(): ProposalRunner {
  let runner: Promise<ProposalRunner> | undefined;
  return async (input, signal) => {
    // A failed download is tried again on the next run.
    runner ??= import('@/application/programme/proposal-runner').then(
      (m) => m.workerProposalRunner(startWorker),
      (error: unknown) => {
        runner = undefined;
        throw error;
      },
    );
    return (await runner)(input, signal);
  };
}
