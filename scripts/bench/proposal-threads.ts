/**
 * The programme proposal off Node's main thread, for benches (`bench:programme` may use it): a
 * ProposalRunner that runs each proposal in a worker_threads Worker running the app's own handler
 * (proposal-thread.worker.ts), and a measure of the longest main-thread block while something runs.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { workerProposalRunner, type ProposalReply, type ProposalRunner } from '../../src/application/programme/proposal-runner.ts';

/** Runs each proposal in a new worker_threads Worker, ended when its answer comes or the run is cancelled. */
export function threadProposalRunner(): ProposalRunner {
  return workerProposalRunner(() => {
    // Through a small .mjs start file: Node 20 does not run tsx's loader in worker threads.
    const worker = new Worker(new URL('./proposal-thread-start.mjs', import.meta.url));
    return {
      postMessage: (request) => worker.postMessage(request),
      listen: (reply, failed) => {
        worker.on('message', (message: ProposalReply) => reply(message));
        // The error's own words go to stderr, for whoever runs the bench.
        worker.on('error', (error) => {
          console.error(error);
          failed();
        });
        worker.on('messageerror', failed);
      },
      terminate: () => void worker.terminate(),
    };
  });
}

/**
 * Runs `work` and reports the longest time the main thread's event loop could not run a timer
 * meanwhile (node:perf_hooks monitorEventLoopDelay, 10 ms resolution), with the elapsed time, in ms.
 */
export async function mainThreadBlock<T>(work: () => Promise<T>): Promise<{ result: T; longestBlockMs: number; elapsedMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // Let the monitor's timer start before the work does.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const start = performance.now();
  const result = await work();
  const elapsedMs = performance.now() - start;
  // One more tick, so a block at the very end is recorded.
  await new Promise((resolve) => setTimeout(resolve, 30));
  histogram.disable();
  return { result, longestBlockMs: Math.round(histogram.max / 1e6), elapsedMs: Math.round(elapsedMs) };
}
