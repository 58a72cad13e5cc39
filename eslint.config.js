// Lint: TypeScript rules, React hooks, and the one-way import rule of DESIGN §3 and issue 12:
// src/app → src/features → src/components, src/context → src/application → src/services → src/domain.
// Folders are checked on the resolved file (import-x/no-restricted-paths), so @/ aliases, relative paths
// and import() all count; packages are checked by name on every import form (the local `layers/packages`).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import { moduleVisitor } from 'eslint-plugin-import-x/utils';
import jsdoc from 'eslint-plugin-jsdoc';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The npm package an import names, or undefined for our own files (relative paths and the @/ alias). */
function packageOf(source) {
  if (source.startsWith('.') || source.startsWith('/') || source.startsWith('@/')) return undefined;
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** `@fluentui/*` names every package of a scope; anything else names one package. */
const matches = (pattern, name) => (pattern.endsWith('/*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);

/**
 * Which packages a layer may use: `allow` lists every package it may import (all others are errors),
 * `deny` lists the ones it may not. Checked on import, export … from, import() and require alike,
 * which no-restricted-imports does not do for import().
 */
const packagesRule = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'string' } },
          deny: { type: 'array', items: { type: 'string' } },
          message: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { allow, deny = [], message = '' } = context.options[0] ?? {};
    return moduleVisitor(
      (source) => {
        const name = packageOf(String(source.value));
        if (name === undefined) return;
        const refused = allow ? !allow.some((p) => matches(p, name)) : deny.some((p) => matches(p, name));
        if (refused) context.report({ node: source, message: `'${name}' may not be imported here. ${message}`.trim() });
      },
      { commonjs: true },
    );
  },
};

/** Our folders below src, each with the folders it may import besides itself (issue 12). */
const MAY_IMPORT = {
  domain: [],
  services: ['domain'],
  application: ['services', 'domain'],
  context: ['application', 'services', 'domain'],
  components: ['context', 'application', 'services', 'domain'],
};
const FEATURE_MAY_IMPORT = ['components', 'context', 'application', 'services', 'domain'];

/**
 * The folder zones for import-x/no-restricted-paths. Each zone names the only folders a layer may
 * import (an allow-list, through `except`), so a relative path out of a feature fails as well as an
 * @/ import. Tests may also import the demo's fakes.
 */
function zones({ tests }) {
  const demo = tests ? ['./demo'] : [];
  const only = (folders) => folders.map((f) => `src/${f}`).join(', ');
  return [
    ...Object.entries(MAY_IMPORT).map(([layer, below]) => ({
      target: `src/${layer}`,
      from: 'src',
      except: [`./${layer}`, ...below.map((f) => `./${f}`), ...demo],
      message: below.length ? `src/${layer} may import only ${only(below)} of src (issue 12).` : 'src/domain is pure and imports nothing else of src (issue 12).',
    })),
    ...FEATURES.map((feature) => ({
      target: `src/features/${feature}`,
      from: 'src',
      except: [`./features/${feature}`, ...FEATURE_MAY_IMPORT.map((f) => `./${f}`), ...demo],
      message: `A feature imports only itself and ${only(FEATURE_MAY_IMPORT)}: never another feature, the app or the demo; move shared UI to src/components (issue 12).`,
    })),
    ...(tests
      ? []
      : [
          {
            target: ['src/app/*.{ts,tsx}', 'src/app/!(composition|dev-host)/**'],
            from: 'src/demo',
            message: 'Only the composition root (src/app/composition) and the dev host (src/app/dev-host) choose demo code (issue 12).',
          },
        ]),
    {
      target: 'src/demo',
      from: ['src/app', 'src/features'],
      message: 'The demo sits below the composition root: it may not import the app or features (issue 12).',
    },
    { target: 'src', from: ['scripts', 'tests'], message: 'The app does not import build scripts or tests.' },
  ];
}

const restrictedPaths = (options) => ['error', { basePath: ROOT, zones: zones(options) }];

/** import() must name its module in a plain string, so the rules above can see where it goes. */
const LITERAL_IMPORT = {
  selector: 'ImportExpression[source.type!="Literal"]',
  message: 'Give import() a plain string, so the import rules can check it.',
};

/** The domain's only packages: pure logic needs dates and ordering keys, its tests their runner. */
const DOMAIN_PACKAGES = ['luxon', 'fractional-indexing'];
const DOMAIN_TEST_PACKAGES = [...DOMAIN_PACKAGES, 'vitest', 'fast-check'];
const DOMAIN_PACKAGE_MESSAGE = 'src/domain is pure: it may use only the packages allowed in eslint.config.js (issue 12).';

const INJECT_TIME = 'src/domain takes the time as an argument, so its results are repeatable (issue 12).';
const DOMAIN_SYNTAX = [
  { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: INJECT_TIME },
  { selector: 'CallExpression[callee.name="Date"]', message: INJECT_TIME },
  {
    selector: 'CallExpression[callee.object.name="DateTime"][callee.property.name=/^(local|utc)$/][arguments.length=0]',
    message: INJECT_TIME,
  },
];
const DOMAIN_PROPERTIES = [
  { object: 'Date', property: 'now', message: INJECT_TIME },
  { object: 'DateTime', property: 'now', message: INJECT_TIME },
  { object: 'Math', property: 'random', message: 'src/domain takes randomness as an argument (see src/domain/random), so its results are repeatable.' },
];
const PLATFORM = 'src/domain does no I/O and reads no browser state: the caller passes what it needs (issue 12).';
const DOMAIN_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'window',
  'document',
  'navigator',
  'location',
  'globalThis',
  'self',
  'performance',
  'crypto',
  'setTimeout',
  'setInterval',
].map((name) => ({ name, message: PLATFORM }));

const UI = ['react', 'react-dom', '@fluentui/*'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, layers: { rules: { packages: packagesRule } } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // An import the resolver cannot follow would slip past the folder zones.
      'import-x/no-unresolved': 'error',
      'import-x/no-restricted-paths': restrictedPaths({ tests: false }),
      'no-restricted-syntax': ['error', LITERAL_IMPORT],
    },
  },
  { files: TESTS.map((t) => `src/${t}`), rules: { 'import-x/no-restricted-paths': restrictedPaths({ tests: true }) } },
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'layers/packages': ['error', { allow: DOMAIN_PACKAGES, message: DOMAIN_PACKAGE_MESSAGE }],
      'no-restricted-syntax': ['error', LITERAL_IMPORT, ...DOMAIN_SYNTAX],
      'no-restricted-properties': ['error', ...DOMAIN_PROPERTIES],
      'no-restricted-globals': ['error', ...DOMAIN_GLOBALS],
    },
  },
  {
    files: TESTS.map((t) => `src/domain/${t}`),
    rules: { 'layers/packages': ['error', { allow: DOMAIN_TEST_PACKAGES, message: DOMAIN_PACKAGE_MESSAGE }] },
  },
  {
    files: ['src/application/**/*.{ts,tsx}'],
    rules: {
      'layers/packages': [
        'error',
        {
          deny: [...UI, '@microsoft/*', '@azure/*', '@fluidframework/*', 'fluid-framework'],
          message: 'src/application is headless: no React, Fluent or Teams, Microsoft or Azure SDKs; adapters in src/services use those (issue 12).',
        },
      ],
    },
  },
  {
    files: ['src/services/**/*.{ts,tsx}'],
    rules: { 'layers/packages': ['error', { deny: UI, message: 'src/services are adapters: SDKs yes, React and Fluent no (issue 12).' }] },
  },
  {
    files: ['scripts/**/*.{ts,mjs}', 'tests/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  // Issue 12: every exported type and function of domain, application and services says what it is
  // for. Only the presence of a comment is checked; plain sentences, no @param or @returns tags.
  {
    files: ['src/domain/**/*.{ts,tsx}', 'src/application/**/*.{ts,tsx}', 'src/services/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/services/graph/fake/**'],
    plugins: { jsdoc },
    rules: {
      'jsdoc/require-jsdoc': [
        'error',
        {
          publicOnly: true,
          require: { FunctionDeclaration: false },
          contexts: [
            'FunctionDeclaration',
            'ClassDeclaration',
            'TSInterfaceDeclaration',
            'TSTypeAliasDeclaration',
            'TSEnumDeclaration',
            'VariableDeclaration[declarations.0.init.type=/^(ArrowFunctionExpression|FunctionExpression)$/]',
          ],
        },
      ],
    },
  },
  // Last: layout is Prettier's (npm run format), so no rule above may judge it.
  prettier,
);
