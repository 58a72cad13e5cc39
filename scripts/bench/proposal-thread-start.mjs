// Starts the proposal's worker thread: Node 20 does not run tsx's loader in worker threads, so the
// TypeScript worker is imported through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./proposal-thread.worker.ts', import.meta.url);
