/**
 * The app's proposal runner: the programme proposal in a Web Worker of its own per run
 * (proposal-web-worker.ts), so the page stays responsive while it runs. The worker, its chunk and
 * the runner's code load on the first run, not before first paint.
 */
import type { ProposalRunner } from '@/application/programme/proposal-runner';

/** Runs each proposal in a new Web Worker, ended when its answer comes or the run is cancelled. */
export function webWorkerProposalRunner(): ProposalRunner {
  let runner: Promise<ProposalRunner> | undefined;
  return async (input, signal) => {
    // A failed download is tried again on the next run.
    runner ??= import('./proposal-web-worker').then(
      (m) => m.webWorkerRunner,
      (error: unknown) => {
        runner = undefined;
        throw error;
      },
    );
    return (await runner)(input, signal);
  };
}
