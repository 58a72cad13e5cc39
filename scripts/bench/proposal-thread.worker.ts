/**
 * The programme proposal's worker for Node (worker_threads): the app's Web Worker
 * (src/application/programme/proposal.worker.ts) with Node's message port, running the same handler.
 */
import { parentPort } from 'node:worker_threads';
import { answerProposalRequest } from '../../src/application/programme/proposal-run.ts';
import type { ProposalRequest } from '../../src/application/programme/proposal-runner.ts';

parentPort!.on('message', (request: ProposalRequest) => parentPort!.postMessage(answerProposalRequest(request, (error) => console.error(error))));
