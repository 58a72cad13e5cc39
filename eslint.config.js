// Lint: TypeScript rules, React hooks, and the one-way import rule of DESIGN §3:
// app → features → components → services → domain; domain imports nothing of ours or of the platform.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsdoc from 'eslint-plugin-jsdoc';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ACROSS_FOLDERS = { group: ['../../*'], message: 'Import across folders with @/, so the layer rules can see it.' };

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const DEMO = { group: ['@/demo/*', '@/demo/**'], message: 'Only the composition root (src/app/composition) and the dev host choose demo code; tests may use the fakes.' };

/** A layer's import rule; its tests may also import the demo's fakes. */
const layer = (from, forbidden, message) => [
  {
    files: [`src/${from}/**/*.{ts,tsx}`],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }, DEMO, ACROSS_FOLDERS] }] },
  },
  {
    files: TESTS.map((t) => `src/${from}/${t}`),
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }, ACROSS_FOLDERS] }] },
  },
];

const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const PLATFORM = ['react', 'react/**', 'react-dom', 'react-dom/**', '@microsoft/*', '@azure/*', '@fluentui/*'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      // Leave a folder through the @/ alias, so the layer rules below can see where an import goes.
      'import-x/no-relative-parent-imports': 'off',
      'no-restricted-imports': ['error', { patterns: [ACROSS_FOLDERS] }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...layer(
    'domain',
    [...PLATFORM, '@/services/*', '@/features/*', '@/app/*', '@/components/*', '@/context/*'],
    'src/domain is pure: no React, Microsoft/Azure SDKs, Fluent, or other layers (DESIGN §3).',
  ),
  ...layer(
    'services',
    ['react', 'react/**', 'react-dom', '@fluentui/*', '@/features/*', '@/app/*', '@/components/*', '@/context/*'],
    'src/services may import only the domain and SDKs, never UI (DESIGN §3).',
  ),
  ...layer('components', ['@/features/*', '@/app/*'], 'Shared components may not import features or app.'),
  ...layer('context', ['@/features/*', '@/app/*', '@/components/*'], 'Contexts may not import UI or the app.'),
  ...FEATURES.flatMap((feature) =>
    layer(
      `features/${feature}`,
      ['@/app/*', ...FEATURES.filter((f) => f !== feature).map((f) => `@/features/${f}/*`)],
      'Features may not import the app layer or another feature; move shared UI to src/components.',
    ),
  ),
  {
    files: ['scripts/**/*.{ts,mjs}', 'tests/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { 'no-restricted-imports': 'off' },
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
);
