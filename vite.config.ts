/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { contentSecurityPolicy } from './scripts/build/content-security-policy.ts';
import { CONFIG_VARIABLES, parseAppConfig, type RawConfig } from './src/services/config/app-config.ts';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Only these variables reach the browser; none of them is a secret. */
const ENV_PREFIXES = ['AAD_APP_', 'TAB_', 'TEAMS_APP_', 'PROGRAMME_'];

/** The surfaces Teams loads (named in the manifest), and the demo-only dev host. */
const SURFACES = {
  index: 'src/app/index.html',
  personalTab: 'src/app/personal-tab/index.html',
  meetingTab: 'src/app/meeting-tab/index.html',
  configPage: 'src/app/config/index.html',
  authRedirect: 'src/app/auth-redirect/index.html',
};
const DEV_HOST = { devHost: 'src/app/dev-host/index.html' };

function securityHeaders(demo: boolean): Plugin {
  const policy = contentSecurityPolicy({ demo, withFrameAncestors: true });
  return {
    name: 'security-headers',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy({ demo, withFrameAncestors: false }),
        },
        injectTo: 'head-prepend',
      },
    ],
    generateBundle() {
      // frame-ancestors only works as a response header: give the common static hosts theirs.
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n  Content-Security-Policy: ${policy}\n` });
      this.emitFile({
        type: 'asset',
        fileName: 'staticwebapp.config.json',
        source: JSON.stringify({ globalHeaders: { 'Content-Security-Policy': policy } }, null, 2),
      });
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, fromHere('env'), ENV_PREFIXES);
  // Validated once, here: a wrong value stops the build and the dev server with a message naming it,
  // and the browser receives the parsed result (so no validator ships before first paint).
  // `--mode demo` builds the demo whatever env/.env.local says (the browser tests use it).
  const variables = Object.keys(CONFIG_VARIABLES).filter((name) => mode !== 'demo' || name.startsWith('PROGRAMME_'));
  const appConfig = parseAppConfig(Object.fromEntries(variables.map((name) => [name, env[name]])) as RawConfig);
  const demo = appConfig.mode === 'demo';
  const pages = demo ? { ...SURFACES, ...DEV_HOST } : SURFACES;
  return {
    root: fromHere('src/app'),
    publicDir: fromHere('public'),
    envDir: fromHere('env'),
    envPrefix: ENV_PREFIXES,
    // `__DEMO__` lets the composition root (src/app/composition/compose.ts) drop the demo from a tenant build.
    define: { __APP_CONFIG__: JSON.stringify(appConfig), __DEMO__: JSON.stringify(demo) },
    resolve: { alias: { '@': fromHere('src') } },
    plugins: [securityHeaders(demo)],
    server: { port: 5173, strictPort: false },
    // Pre-bundle what surfaces import lazily, so the dev server does not reload the page mid-demo.
    optimizeDeps: { include: ['@microsoft/microsoft-graph-client', 'idb', 'zod', '@azure/msal-browser'] },
    preview: { port: 4173 },
    // The programme proposal's worker (src/app/composition/proposal-worker.ts) is a module worker: an ES chunk like the rest.
    worker: { format: 'es' },
    build: {
      outDir: fromHere('dist/app'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      rollupOptions: {
        // Fluent's "use client" directives mean nothing in a client-only bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
        input: Object.fromEntries(Object.entries(pages).map(([name, path]) => [name, fromHere(path)])),
      },
    },
    test: {
      dir: fromHere('.'),
      reporters: ['default', fromHere('tests/support/summary-reporter.ts')],
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            root: fromHere('.'),
            include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/contract/**/*.test.ts'],
            environment: 'node',
            // No unit test depends on wall time: the limit only stops a test that hangs on a slow, shared machine.
            testTimeout: 120_000,
            // A request the fake Graph's behaviour catalogue does not know fails the test that sent it.
            setupFiles: ['tests/support/graph-catalogue-setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            root: fromHere('.'),
            include: ['tests/**/*.spec.ts'],
            globalSetup: ['tests/support/global-setup.ts'],
            // A hang guard, not a speed test: the longest journeys (two bookings, then a meeting) take about a minute on a busy 2-core machine.
            testTimeout: 240_000,
            hookTimeout: 240_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
