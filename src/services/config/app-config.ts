import { z } from 'zod';
import type { Round } from '@/domain/programme/rounds';

/**
 * The names of the configuration variables, as they appear in `env/.env*` files and in the
 * environment of `npm run package`. They follow the Microsoft 365 Agents Toolkit convention
 * (`AAD_APP_CLIENT_ID`, `TAB_ENDPOINT`, `TEAMS_APP_ID`) so that Toolkit users recognise them.
 */
export const CONFIG_VARIABLES = {
  AAD_APP_CLIENT_ID: 'the Application (client) ID of the Entra app registration (Entra admin centre › App registrations › Overview)',
  AAD_APP_TENANT_ID: 'the Directory (tenant) ID of your organisation (Entra admin centre › Overview), or "organizations"',
  TAB_ENDPOINT: 'the HTTPS address where the built app is hosted, without a trailing slash, e.g. https://mentoring.contoso.com',
  TEAMS_APP_ID: 'a GUID that identifies the Teams app package; generate one once and keep it',
  PROGRAMME_NAME: 'the programme name shown to people, at most 30 characters',
  PROGRAMME_OWNER_GROUP_ID: 'the object ID of the Entra group whose members run the programme',
  PROGRAMME_LEVEL_GAP: 'how many seniority levels a mentor sits below the mentee at least, 1 to 6',
  PROGRAMME_CADENCE_WEEKS: 'weeks between sessions, 1 to 8',
  PROGRAMME_SESSION_MINUTES: 'length of a session in minutes, 15 to 120',
  PROGRAMME_DURATION_MONTHS: 'how long a pairing runs, in months, 1 to 24',
  PROGRAMME_CODE_OF_CONDUCT: 'the code of conduct each pair starts from and edits in their first session, at most 1,000 characters (empty: the built-in one)',
} as const;

/** A configuration variable name. */
export type ConfigVariable = keyof typeof CONFIG_VARIABLES;

/** The raw variables, as read from the environment or `import.meta.env`. */
export type RawConfig = Partial<Record<ConfigVariable, string | undefined>>;

/** Programme rules that are baked into the app package at packaging time. */
export interface ProgrammeSettings {
  readonly name: string;
  readonly ownerGroupId: string | undefined;
  readonly levelGap: number;
  readonly cadenceWeeks: number;
  readonly sessionMinutes: number;
  readonly durationMonths: number;
  /** The code of conduct a pair starts from (empty: the app's own). */
  readonly codeOfConduct: string;
  /** The statements people rate at the start and the end of a pairing, one per line (empty: the app's own; owners change them in the app). */
  readonly evaluation: string;
  /** The programme's rounds, in order (none: it runs all year, matching always open; owners set them in the app). */
  readonly rounds: readonly Round[];
}

/** Where the app signs people in and which tenant it serves. */
export interface TenantSettings {
  readonly clientId: string;
  readonly tenantId: string;
  readonly appUrl: string;
  readonly teamsAppId: string;
}

/**
 * The validated configuration. `demo` means no tenant is configured: the app serves a synthetic
 * tenant from the fake Graph and lets you choose who you are.
 */
export type AppConfig =
  { readonly mode: 'demo'; readonly programme: ProgrammeSettings } | { readonly mode: 'tenant'; readonly tenant: TenantSettings; readonly programme: ProgrammeSettings };

/** One wrong or missing value, with the variable it came from. */
export interface ConfigProblem {
  readonly variable: ConfigVariable;
  readonly message: string;
}

/** Thrown by {@link parseAppConfig}; `message` names every wrong variable and how to fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      [
        'The app configuration is not valid:',
        ...problems.map((p) => `- ${p.variable}: ${p.message}. Expected ${CONFIG_VARIABLES[p.variable]}.`),
        'Set these in env/.env.local (see README › Configuration).',
      ].join('\n'),
    );
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guid = z.string().regex(GUID, 'is not a GUID (like 00000000-0000-0000-0000-000000000000)');

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const integer = (min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: 'is not a number' }).int('is not a whole number').min(min, `is below ${min}`).max(max, `is above ${max}`).default(fallback));

function originProblem(value: string): string | undefined {
  if (!URL.canParse(value)) return 'is not a URL';
  if (!value.startsWith('https://')) return 'must start with https:// (Teams loads tabs over HTTPS only)';
  if (value.endsWith('/')) return 'must not end with a slash';
  if (/[?#]/.test(value)) return 'must not contain a query or fragment';
  return undefined;
}

const httpsOrigin = z.string().superRefine((value, context) => {
  const problem = originProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** The programme's rules an owner may change in the app (programme settings); the rest stays packaged. */
export type ProgrammeRules = Pick<ProgrammeSettings, 'levelGap' | 'cadenceWeeks' | 'sessionMinutes' | 'durationMonths' | 'codeOfConduct' | 'evaluation' | 'rounds'>;
/** A numeric rule. */
export type NumericRule = Exclude<keyof ProgrammeRules, 'codeOfConduct' | 'evaluation' | 'rounds'>;

/** The whole numbers each numeric rule may take, packaged or set by an owner (CONFIG_VARIABLES says the same). */
export const PROGRAMME_RANGES: Readonly<Record<NumericRule, { readonly min: number; readonly max: number }>> = {
  levelGap: { min: 1, max: 6 },
  cadenceWeeks: { min: 1, max: 8 },
  sessionMinutes: { min: 15, max: 120 },
  durationMonths: { min: 1, max: 24 },
};
/** The longest code of conduct, in characters. */
export const CODE_OF_CONDUCT_MAX = 1000;
/** The most statements an evaluation has, and the longest each may be, in characters. */
export const EVALUATION_STATEMENTS_MAX = 5;
export const EVALUATION_STATEMENT_MAX = 140;

const ranged = (rule: NumericRule, fallback: number) => integer(PROGRAMME_RANGES[rule].min, PROGRAMME_RANGES[rule].max, fallback);

const programmeSchema = z.object({
  PROGRAMME_NAME: z.preprocess(blankToUndefined, z.string().max(30, 'is longer than 30 characters').default('Reverse mentoring')),
  PROGRAMME_OWNER_GROUP_ID: optional(guid),
  PROGRAMME_LEVEL_GAP: ranged('levelGap', 2),
  PROGRAMME_CADENCE_WEEKS: ranged('cadenceWeeks', 2),
  PROGRAMME_SESSION_MINUTES: ranged('sessionMinutes', 45),
  PROGRAMME_DURATION_MONTHS: ranged('durationMonths', 6),
  PROGRAMME_CODE_OF_CONDUCT: z.preprocess(blankToUndefined, z.string().max(CODE_OF_CONDUCT_MAX, 'is longer than 1,000 characters').default('')),
});

const tenantSchema = z.object({
  AAD_APP_CLIENT_ID: z.preprocess(blankToUndefined, guid),
  AAD_APP_TENANT_ID: z.preprocess(blankToUndefined, z.union([guid, z.literal('organizations')], { error: 'is neither a GUID nor "organizations"' })),
  TAB_ENDPOINT: z.preprocess(blankToUndefined, httpsOrigin),
  TEAMS_APP_ID: z.preprocess(blankToUndefined, guid),
});

const TENANT_VARIABLES = Object.keys(tenantSchema.shape) as ConfigVariable[];

function problemsOf(error: z.ZodError, raw: RawConfig): ConfigProblem[] {
  return error.issues.map((issue) => {
    const variable = String(issue.path[0]) as ConfigVariable;
    const missing = blankToUndefined(raw[variable]) === undefined;
    return { variable, message: missing ? 'is missing' : issue.message };
  });
}

/**
 * Validates raw configuration variables. With no tenant variable set, the result is demo mode;
 * with some set, all of them must be valid.
 *
 * @throws {@link ConfigError} naming each wrong or missing variable.
 */
export function parseAppConfig(raw: RawConfig): AppConfig {
  const programme = programmeSchema.safeParse(raw);
  const anyTenantValue = TENANT_VARIABLES.some((name) => blankToUndefined(raw[name]) !== undefined);
  const tenant = anyTenantValue ? tenantSchema.safeParse(raw) : undefined;

  const problems = [...(programme.success ? [] : problemsOf(programme.error, raw)), ...(tenant && !tenant.success ? problemsOf(tenant.error, raw) : [])];
  if (problems.length > 0 || !programme.success) throw new ConfigError(problems);

  const p = programme.data;
  const programmeSettings: ProgrammeSettings = {
    name: p.PROGRAMME_NAME,
    ownerGroupId: p.PROGRAMME_OWNER_GROUP_ID,
    levelGap: p.PROGRAMME_LEVEL_GAP,
    cadenceWeeks: p.PROGRAMME_CADENCE_WEEKS,
    sessionMinutes: p.PROGRAMME_SESSION_MINUTES,
    durationMonths: p.PROGRAMME_DURATION_MONTHS,
    codeOfConduct: p.PROGRAMME_CODE_OF_CONDUCT,
    evaluation: '',
    rounds: [],
  };
  if (!tenant?.success) return { mode: 'demo', programme: programmeSettings };
  const t = tenant.data;
  return {
    mode: 'tenant',
    programme: programmeSettings,
    tenant: {
      clientId: t.AAD_APP_CLIENT_ID,
      tenantId: t.AAD_APP_TENANT_ID,
      appUrl: t.TAB_ENDPOINT,
      teamsAppId: t.TEAMS_APP_ID,
    },
  };
}
