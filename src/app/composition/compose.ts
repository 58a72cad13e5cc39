/**
 * The composition root: the one place that chooses the tenant's adapters or the demo's. Nothing
 * else in the app imports src/demo (the dev host page aside, which a tenant build leaves out).
 */
import type { AppConfig } from '@/services/config/app-config';
import type { ModeAdapters } from './mode-adapters';
import { tenantAdapters } from './tenant-adapters';

/**
 * Whether this build is the demo: replaced at build time by vite.config.ts (`define`, from the
 * validated configuration's mode). A tenant build has `false` here, so the bundler drops the demo
 * branch below and, with it, every chunk of demo code.
 */
declare const __DEMO__: boolean;

/** The adapters of this build's mode; the demo's load as a chunk of their own, in demo builds only. */
export async function composeAdapters(config: AppConfig): Promise<ModeAdapters> {
  if (__DEMO__) {
    const { demoAdapters } = await import('./demo-adapters');
    return demoAdapters();
  }
  if (config.mode !== 'tenant') throw new Error('This build has no tenant configured and no demo.');
  return tenantAdapters(config);
}
