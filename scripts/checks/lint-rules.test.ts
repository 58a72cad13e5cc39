import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('the one-way import rule', () => {
  it.each([
    ['src/domain/org/x.ts', "import { useState } from 'react';\nexport const a = useState;\n"],
    ['src/domain/org/x.ts', "import { app } from '@microsoft/teams-js';\nexport const a = app;\n"],
    ['src/domain/org/x.ts', "import { DEMO_PEOPLE } from '@/demo/demo-people';\nexport const a = DEMO_PEOPLE;\n"],
    ['src/services/x.ts', "import { HomePage } from '@/features/home/home-page';\nexport const a = HomePage;\n"],
    ['src/features/home/x.ts', "import { MeetingPage } from '@/features/meeting/meeting-page';\nexport const a = MeetingPage;\n"],
    ['src/features/home/x.ts', "import { startSurface } from '@/app/shell/start-surface';\nexport const a = startSurface;\n"],
    ['src/components/x.ts', "import { HomePage } from '@/features/home/home-page';\nexport const a = HomePage;\n"],
  ])('rejects %s importing %s', async (file, code) => {
    expect(await problems(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/features/home/x.ts', "import { useServices } from '@/context/services-context';\nexport const a = useServices;\n"],
    ['src/services/x.ts', "import { z } from 'zod';\nexport const a = z;\n"],
  ])('allows %s importing %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
