import { describe, expect, it } from 'vitest';
import { ConfigError, parseAppConfig, type RawConfig } from './app-config';

const tenant: RawConfig = {
  AAD_APP_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  AAD_APP_TENANT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  TAB_ENDPOINT: 'https://mentoring.contoso.com',
  TEAMS_APP_ID: '99999999-8888-7777-6666-555555555555',
};

function problems(raw: RawConfig) {
  try {
    parseAppConfig(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseAppConfig', () => {
  it('is demo mode with the programme defaults when nothing is set', () => {
    expect(parseAppConfig({})).toEqual({
      mode: 'demo',
      programme: {
        name: 'Reverse mentoring',
        ownerGroupId: undefined,
        levelGap: 2,
        cadenceWeeks: 2,
        sessionMinutes: 45,
        durationMonths: 6,
        codeOfConduct: '',
        evaluation: '',
        rounds: [],
      },
    });
  });

  it('takes the programme’s code of conduct, and refuses one too long to read in a meeting', () => {
    expect(parseAppConfig({ PROGRAMME_CODE_OF_CONDUCT: 'Be kind.' }).programme.codeOfConduct).toBe('Be kind.');
    expect(() => parseAppConfig({ PROGRAMME_CODE_OF_CONDUCT: 'x'.repeat(1001) })).toThrow(/PROGRAMME_CODE_OF_CONDUCT: is longer than 1,000 characters/);
  });

  it('treats blank values as unset', () => {
    expect(parseAppConfig({ AAD_APP_CLIENT_ID: '  ', PROGRAMME_LEVEL_GAP: '' }).mode).toBe('demo');
  });

  it('is tenant mode when every tenant value is valid', () => {
    const config = parseAppConfig({ ...tenant, PROGRAMME_LEVEL_GAP: '3', AAD_APP_TENANT_ID: 'organizations' });
    expect(config).toMatchObject({
      mode: 'tenant',
      tenant: { clientId: tenant.AAD_APP_CLIENT_ID, tenantId: 'organizations', appUrl: tenant.TAB_ENDPOINT },
      programme: { levelGap: 3 },
    });
  });

  it('names each missing tenant value once any is set', () => {
    expect(problems({ AAD_APP_CLIENT_ID: tenant.AAD_APP_CLIENT_ID })).toEqual([
      { variable: 'AAD_APP_TENANT_ID', message: 'is missing' },
      { variable: 'TAB_ENDPOINT', message: 'is missing' },
      { variable: 'TEAMS_APP_ID', message: 'is missing' },
    ]);
  });

  it.each([
    ['AAD_APP_CLIENT_ID', 'not-a-guid', /GUID/],
    ['TAB_ENDPOINT', 'http://mentoring.contoso.com', /https/],
    ['TAB_ENDPOINT', 'https://mentoring.contoso.com/', /slash/],
    ['TAB_ENDPOINT', 'mentoring', /URL/],
  ] as const)('rejects %s=%s', (variable, value, message) => {
    const found = problems({ ...tenant, [variable]: value });
    expect(found).toHaveLength(1);
    expect(found[0]?.variable).toBe(variable);
    expect(found[0]?.message).toMatch(message);
  });

  it.each([
    ['PROGRAMME_LEVEL_GAP', '0', /below 1/],
    ['PROGRAMME_LEVEL_GAP', 'two', /number/],
    ['PROGRAMME_CADENCE_WEEKS', '1.5', /whole/],
    ['PROGRAMME_SESSION_MINUTES', '600', /above 120/],
    ['PROGRAMME_OWNER_GROUP_ID', 'hr-team', /GUID/],
    ['PROGRAMME_NAME', 'x'.repeat(31), /30/],
  ] as const)('rejects programme setting %s=%s even in demo mode', (variable, value, message) => {
    const found = problems({ [variable]: value });
    expect(found[0]).toMatchObject({ variable });
    expect(found[0]?.message).toMatch(message);
  });

  it('says how to fix every problem in its message', () => {
    expect(() => parseAppConfig({ ...tenant, TEAMS_APP_ID: 'x', PROGRAMME_LEVEL_GAP: '9' })).toThrow(
      /PROGRAMME_LEVEL_GAP: is above 6[\s\S]*TEAMS_APP_ID: is not a GUID[\s\S]*env\/.env.local/,
    );
  });
});
