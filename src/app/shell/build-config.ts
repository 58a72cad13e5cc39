import type { AppConfig } from '@/services/config/app-config';

/** Replaced at build time by the configuration that vite.config.ts validated (see `define`). */
declare const __APP_CONFIG__: AppConfig;

/** The configuration baked into this build from `env/.env*`, validated when it was built. */
export function buildConfig(): AppConfig {
  return __APP_CONFIG__;
}
