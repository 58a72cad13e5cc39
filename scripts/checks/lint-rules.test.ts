// The lint rules of issue 12, each shown rejecting a violation and allowing what it should. Files
// are virtual (lintText with a path), but what they import is real: the folder zones check the
// file an import resolves to, so each import names a file that exists.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

// Real files, one in each folder, that the cases import.
const APP = '@/app/landing';
const FEATURE = '@/features/profile/profile-card';
const COMPONENT = '@/components/section-card';
const CONTEXT = '@/context/services-context';
const SERVICE = '@/services/graph/graph-errors';
const DOMAIN = '@/domain/org/org-model';
const DEMO = '@/demo/demo-people';

const statically = (from: string) => `import * as m from '${from}';\nexport const a = m;\n`;
const dynamically = (from: string) => `export const a = import('${from}');\n`;
const reexported = (from: string) => `export * from '${from}';\n`;

describe('the folder zones (import-x/no-restricted-paths)', () => {
  it.each([
    // The domain imports nothing else of src.
    ['src/domain/org/x.ts', statically(SERVICE)],
    ['src/domain/org/x.ts', statically('../../services/graph/graph-errors')],
    ['src/domain/org/x.ts', dynamically(DEMO)],
    ['src/domain/org/x.test.ts', statically(CONTEXT)],
    // Services import only the domain.
    ['src/services/graph/x.ts', statically(FEATURE)],
    ['src/services/graph/x.ts', statically('../../components/section-card')],
    ['src/services/graph/x.ts', dynamically(CONTEXT)],
    ['src/services/graph/x.ts', reexported(APP)],
    // Application use cases import only services and the domain.
    ['src/application/x.ts', statically(CONTEXT)],
    ['src/application/x.ts', statically('../components/section-card')],
    ['src/application/x.ts', dynamically(FEATURE)],
    // Contexts do not import UI or the app.
    ['src/context/x.ts', statically(COMPONENT)],
    ['src/context/x.ts', dynamically(FEATURE)],
    // Shared components do not import features or the app.
    ['src/components/x.ts', statically(FEATURE)],
    ['src/components/x.ts', statically('../app/landing')],
    // A feature does not import another feature, by alias, relative path or import(), nor the app.
    ['src/features/home/x.ts', statically(FEATURE)],
    ['src/features/home/x.ts', statically('../profile/profile-card')],
    ['src/features/home/x.ts', dynamically('../profile/profile-card')],
    ['src/features/home/x.ts', reexported('../profile/profile-card')],
    ['src/features/home/x.test.ts', statically('../profile/profile-card')],
    ['src/features/home/x.ts', statically(APP)],
    // Non-demo code does not import the demo; only the composition root and the dev host do.
    ['src/features/home/x.ts', statically(DEMO)],
    ['src/features/home/x.ts', dynamically('../../demo/graph/browser-fake-graph')],
    ['src/services/graph/x.ts', statically(DEMO)],
    ['src/context/x.ts', dynamically(DEMO)],
    ['src/components/x.ts', statically(DEMO)],
    ['src/application/x.ts', statically(DEMO)],
    ['src/app/shell/x.ts', statically(DEMO)],
    ['src/app/shell/x.ts', dynamically('../../demo/demo-sign-in')],
    ['src/app/x.ts', statically(DEMO)],
    // The demo sits below the composition root.
    ['src/demo/x.ts', statically(FEATURE)],
    ['src/demo/x.ts', dynamically(APP)],
    // The app does not import build scripts.
    ['src/components/x.ts', statically('../../scripts/build/content-security-policy')],
  ])('rejects %s: %s', async (file, code) => {
    expect(await problems(file, code)).toContain('import-x/no-restricted-paths');
  });

  it.each([
    ['src/app/composition/x.ts', statically(DEMO)],
    ['src/app/composition/x.ts', dynamically('@/demo/graph/browser-fake-graph')],
    ['src/app/dev-host/x.ts', statically(DEMO)],
    ['src/app/shell/x.ts', statically(FEATURE)],
    ['src/features/home/x.ts', statically('./organisation-card')],
    ['src/features/home/x.ts', statically(COMPONENT)],
    ['src/features/home/x.ts', dynamically(CONTEXT)],
    ['src/features/home/x.ts', statically(SERVICE)],
    ['src/features/home/x.ts', statically(DOMAIN)],
    ['src/components/x.ts', statically(CONTEXT)],
    ['src/context/x.ts', statically(SERVICE)],
    ['src/application/x.ts', statically(SERVICE)],
    ['src/application/x.ts', statically(DOMAIN)],
    ['src/services/graph/x.ts', statically('../../domain/org/org-model')],
    ['src/domain/org/x.ts', statically('./org-model')],
    ['src/demo/x.ts', statically(SERVICE)],
    // Tests may use the demo's fakes; so may the browser tests and scripts.
    ['src/services/graph/x.test.ts', statically(DEMO)],
    ['src/features/home/x.test.ts', statically(DEMO)],
    ['src/domain/org/x.test.ts', statically(DEMO)],
    ['tests/x.ts', statically(DEMO)],
    ['scripts/x.ts', statically(DEMO)],
  ])('allows %s: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });

  it('cannot be dodged by an import() it cannot read', async () => {
    expect(await problems('src/features/home/x.ts', "const name = 'profile';\nexport const a = import(`../${name}/profile-card`);\n")).toContain('no-restricted-syntax');
    expect(await problems('src/features/home/x.ts', "const path = '../profile/profile-card';\nexport const a = import(path);\n")).toContain('no-restricted-syntax');
  });

  it('cannot be dodged by an import it cannot resolve', async () => {
    expect(await problems('src/features/home/x.ts', statically('@/features/nowhere/x'))).toContain('import-x/no-unresolved');
  });
});

describe('the packages each layer may use (layers/packages)', () => {
  it.each([
    // The domain has an allow-list: anything not on it fails, in every import form.
    ['src/domain/org/x.ts', statically('react')],
    ['src/domain/org/x.ts', statically('@microsoft/teams-js')],
    ['src/domain/org/x.ts', statically('zod')],
    ['src/domain/org/x.ts', statically('node:crypto')],
    ['src/domain/org/x.ts', dynamically('idb')],
    ['src/domain/org/x.ts', reexported('windows-iana')],
    ['src/domain/org/x.ts', "import type { ReactNode } from 'react';\nexport type A = ReactNode;\n"],
    ['src/domain/org/x.test.ts', statically('react')],
    // Application use cases are headless.
    ['src/application/x.ts', statically('react')],
    ['src/application/x.ts', statically('@fluentui/react-components')],
    ['src/application/x.ts', statically('@microsoft/teams-js')],
    ['src/application/x.ts', dynamically('@azure/msal-browser')],
    // Services are adapters, not UI.
    ['src/services/graph/x.ts', statically('react')],
    ['src/services/graph/x.ts', dynamically('@fluentui/react-components')],
  ])('rejects %s: %s', async (file, code) => {
    expect(await problems(file, code)).toContain('layers/packages');
  });

  it.each([
    ['src/domain/org/x.ts', statically('luxon')],
    ['src/domain/org/x.ts', dynamically('fractional-indexing')],
    ['src/domain/org/x.test.ts', statically('vitest')],
    ['src/domain/org/x.test.ts', statically('fast-check')],
    ['src/application/x.ts', statically('zod')],
    ['src/services/graph/x.ts', statically('@microsoft/teams-js')],
    ['src/services/graph/x.ts', dynamically('@azure/msal-browser')],
    ['src/features/home/x.ts', statically('@fluentui/react-components')],
  ])('allows %s: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('what the domain may not reach for', () => {
  it.each([
    ['Date.now()', 'no-restricted-properties'],
    ['new Date()', 'no-restricted-syntax'],
    ['Date()', 'no-restricted-syntax'],
    ["DateTime.now().toISO() ?? ''", 'no-restricted-properties'],
    ['DateTime.local()', 'no-restricted-syntax'],
    ['DateTime.utc()', 'no-restricted-syntax'],
    ['Math.random()', 'no-restricted-properties'],
    ["fetch('/x')", 'no-restricted-globals'],
    ["localStorage.getItem('x')", 'no-restricted-globals'],
    ["sessionStorage.getItem('x')", 'no-restricted-globals'],
    ['window.location.href', 'no-restricted-globals'],
    ['document.title', 'no-restricted-globals'],
    ['crypto.randomUUID()', 'no-restricted-globals'],
    ["globalThis.fetch('/x')", 'no-restricted-globals'],
    ['performance.now()', 'no-restricted-globals'],
  ])('rejects %s', async (expression, rule) => {
    const code = `import { DateTime } from 'luxon';\nexport const a = [DateTime, ${expression}];\n`;
    expect(await problems('src/domain/org/x.ts', code)).toContain(rule);
    expect(await problems('src/domain/org/x.test.ts', code)).toContain(rule);
  });

  it.each(['new Date(0)', "new Date('2027-01-04T09:00Z')", 'Date.parse(at)', "DateTime.fromISO(at, { zone: 'utc' })", 'DateTime.local(2027, 1, 4)'])('allows %s', async (expression) => {
    const code = `import { DateTime } from 'luxon';\nconst at = '2027-01-04T09:00Z';\nexport const a = [at, ${expression}];\nexport const b = DateTime;\n`;
    expect(await problems('src/domain/org/x.ts', code)).toEqual([]);
  });

  it('leaves the clock and the browser to the other layers', async () => {
    expect(await problems('src/services/graph/x.ts', "export const a = [Date.now(), new Date(), fetch('/x'), localStorage];\n")).toEqual([]);
  });
});
