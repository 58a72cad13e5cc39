/**
 * Programme settings, headless: the rules an owner may change (level gap, cadence, session length,
 * duration, code of conduct) are the packaged values (`config.programme`) overridden by the owners'
 * entry in the programme store's settings list (services/programme/programme-store.ts). Everyone's
 * app reads the same entry, trusted only when a programme owner wrote it (the store's rule), and
 * each value in it only when it lies in the range the packaged value must (app-config.ts); an owner
 * saves with the entry's ETag, so a save never overwrites another owner's newer one unseen.
 */
import type { GraphClient } from '@/services/graph/graph-client';
import { GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import { CODE_OF_CONDUCT_MAX, EVALUATION_STATEMENT_MAX, EVALUATION_STATEMENTS_MAX, PROGRAMME_RANGES, type NumericRule, type ProgrammeRules } from '@/services/config/app-config';
import { MAX_ROUNDS, ROUND_NAME_MAX, roundProblems, TARGET_SESSIONS, type Round, type RoundProblem } from '@/domain/programme/rounds';
import { isProgrammeOwner } from '@/services/programme/programme-owner';
import { openProgrammeStore, readSettings, saveSettings, type ProgrammeSettings as StoredSettings, type ProgrammeStore } from '@/services/programme/programme-store';
import { describeStoreFailure } from './programme-store-setup';

export type { ProgrammeRules };
/** The evaluation's limits (app-config.ts), for its use cases. */
export { EVALUATION_STATEMENT_MAX, EVALUATION_STATEMENTS_MAX };

/** The rules in the order the form shows them. */
export const RULE_NAMES = ['levelGap', 'cadenceWeeks', 'sessionMinutes', 'durationMonths', 'codeOfConduct', 'evaluation', 'rounds'] as const satisfies readonly (keyof ProgrammeRules)[];
const NUMERIC_RULES = ['levelGap', 'cadenceWeeks', 'sessionMinutes', 'durationMonths'] as const satisfies readonly NumericRule[];

/** Each rule as an owner reads it, for the form and for messages. */
export const RULE_LABELS: Readonly<Record<keyof ProgrammeRules, string>> = {
  levelGap: 'Level gap',
  cadenceWeeks: 'Weeks between sessions',
  sessionMinutes: 'Session length (minutes)',
  durationMonths: 'Pairing length (months)',
  codeOfConduct: 'Code of conduct',
  evaluation: 'Evaluation statements',
  rounds: 'Rounds',
};

/** One problem of the rounds in words (domain/programme/rounds.ts, `roundProblems`). */
export function roundProblemWords(problem: RoundProblem, rounds: readonly Round[]): string {
  const round = `${rounds[problem.index]?.name.trim() || `Round ${problem.index + 1}`}:`;
  switch (problem.code) {
    case 'too-many':
      return `The programme keeps at most ${MAX_ROUNDS} rounds.`;
    case 'name':
      return `Round ${problem.index + 1}: give it a name of up to ${ROUND_NAME_MAX} characters.`;
    case 'same-name':
      return `${round} another round has this name; give each its own.`;
    case 'day':
      return `${round} each of its days must be a date.`;
    case 'window':
      return `${round} matching must close on or after its first day and on or before its last.`;
    case 'target':
      return `${round} the sessions each pair is asked to hold must be a whole number from ${TARGET_SESSIONS.min} to ${TARGET_SESSIONS.max}.`;
    case 'overlap':
      return `${round} it must start after the round before it ends.`;
  }
}

/** What is wrong with each value that is wrong, in words (none: every value may be saved). */
export type RuleProblems = Partial<Record<keyof ProgrammeRules, string>>;

/** Checks values against the ranges the packaged ones must keep (app-config.ts). */
export function ruleProblems(values: Partial<Record<keyof ProgrammeRules, unknown>>): RuleProblems {
  const problems: RuleProblems = {};
  for (const rule of NUMERIC_RULES) {
    const value = values[rule];
    if (value === undefined) continue;
    const { min, max } = PROGRAMME_RANGES[rule];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) problems[rule] = `${RULE_LABELS[rule]} must be a whole number from ${min} to ${max}.`;
  }
  const code = values.codeOfConduct;
  if (code !== undefined && (typeof code !== 'string' || code.length > CODE_OF_CONDUCT_MAX)) {
    problems.codeOfConduct = `The code of conduct must be at most ${CODE_OF_CONDUCT_MAX.toLocaleString('en')} characters.`;
  }
  const rounds = values.rounds;
  if (rounds !== undefined) {
    const problem = Array.isArray(rounds) ? roundProblems(rounds as Round[])[0] : { index: -1, code: 'too-many' as const };
    if (problem) problems.rounds = roundProblemWords(problem, Array.isArray(rounds) ? (rounds as Round[]) : []);
  }
  const evaluation = values.evaluation;
  if (evaluation !== undefined) {
    const lines = typeof evaluation === 'string' ? statementsOf(evaluation) : undefined;
    if (!lines || lines.length > EVALUATION_STATEMENTS_MAX) problems.evaluation = `The evaluation has at most ${EVALUATION_STATEMENTS_MAX} statements, one per line.`;
    else if (lines.some((line) => line.length > EVALUATION_STATEMENT_MAX)) problems.evaluation = `Each evaluation statement must be at most ${EVALUATION_STATEMENT_MAX} characters.`;
  }
  return problems;
}

/** The rules in effect: the packaged ones, overridden by each value the owners set that lies in range; `ignored` names the others. */
export function effectiveRules(packaged: ProgrammeRules, stored: StoredSettings | undefined): { rules: ProgrammeRules; ignored: (keyof ProgrammeRules)[] } {
  const problems = ruleProblems(stored ?? {});
  const ignored = RULE_NAMES.filter((rule) => problems[rule] !== undefined);
  const rules: Record<keyof ProgrammeRules, unknown> = { ...pick(packaged) };
  for (const rule of RULE_NAMES) if (stored?.[rule] !== undefined && !problems[rule]) rules[rule] = stored[rule];
  return { rules: rules as ProgrammeRules, ignored };
}

const pick = (rules: ProgrammeRules): ProgrammeRules => ({
  levelGap: rules.levelGap,
  cadenceWeeks: rules.cadenceWeeks,
  sessionMinutes: rules.sessionMinutes,
  durationMonths: rules.durationMonths,
  codeOfConduct: rules.codeOfConduct,
  evaluation: rules.evaluation,
  rounds: rules.rounds,
});

/** The statements of an evaluation setting: its non-empty lines, trimmed. */
export function statementsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The settings entry a save goes over (none yet: the first save creates it). */
export type SettingsEntry = { readonly itemId: string; readonly etag: string | undefined } | undefined;

/** The programme's rules as read from the store. */
export interface ReadProgrammeSettings {
  /** The rules in effect. */
  readonly rules: ProgrammeRules;
  /** The values the owners set (in range), each overriding the packaged one. */
  readonly set: Partial<ProgrammeRules>;
  /** What a save goes over. */
  readonly entry: SettingsEntry;
  /** Values in the owners' entry out of range, left out (the packaged value applies). */
  readonly ignored: readonly (keyof ProgrammeRules)[];
  /** Settings entries written by someone who is not a programme owner: left out. */
  readonly untrusted: number;
  /** The store's lists are not set up yet: the packaged values apply. */
  readonly notSetUp: boolean;
}

/** Where the settings are kept: the store on the owners' group's site. */
export interface SettingsPlace {
  readonly ownerGroupId: string;
}

/** Reading or saving the settings failed; the message says what happened and what to do. */
export class ProgrammeSettingsError extends Error {
  override readonly name = 'ProgrammeSettingsError';
  constructor(
    message: string,
    readonly reason: 'invalid' | 'changedByAnother' | 'notOwner' | 'notAllowed' | 'notGranted' | 'notSetUp' | 'unavailable',
    /** For `changedByAnother`: the settings as the other owner saved them. */
    readonly current?: ReadProgrammeSettings,
    /** For `invalid`: what is wrong with each value. */
    readonly problems?: RuleProblems,
  ) {
    super(message);
  }
}

async function readFrom(store: ProgrammeStore, packaged: ProgrammeRules): Promise<ReadProgrammeSettings> {
  const read = await readSettings(store);
  const { rules, ignored } = effectiveRules(packaged, read?.settings);
  const set: Partial<Record<keyof ProgrammeRules, unknown>> = {};
  for (const rule of RULE_NAMES) if (read?.settings[rule] !== undefined && !ignored.includes(rule)) set[rule] = read.settings[rule];
  return {
    rules,
    set: set as Partial<ProgrammeRules>,
    entry: read && { itemId: read.itemId, etag: read.etag },
    ignored,
    untrusted: read?.untrusted ?? 0,
    notSetUp: false,
  };
}

/**
 * The programme's rules for everyone: the packaged ones overridden by the owners' entry. Lists not
 * set up yet mean the packaged rules (`notSetUp`); any other failure is a {@link ProgrammeSettingsError}.
 */
export async function readProgrammeSettings(client: GraphClient, place: SettingsPlace, packaged: ProgrammeRules): Promise<ReadProgrammeSettings> {
  let store: ProgrammeStore;
  try {
    store = await openProgrammeStore(client, place.ownerGroupId);
  } catch (error) {
    const failure = describeStoreFailure(error);
    if (failure.reason === 'notSetUp') return { rules: pick(packaged), set: {}, entry: undefined, ignored: [], untrusted: 0, notSetUp: true };
    throw new ProgrammeSettingsError(failure.message, failure.reason === 'notGranted' ? 'notGranted' : 'unavailable');
  }
  try {
    return await readFrom(store, packaged);
  } catch (error) {
    throw wordFailure(error, 'read');
  }
}

const CHANGED_BY_ANOTHER =
  'Another programme owner changed the settings after this form was opened. The form now shows their values; check them, then save again if a change is still needed.';
const NOT_OWNER = 'Only a programme owner can change the programme settings. Ask your Microsoft 365 admin to add you to the programme owners’ group.';
const NOT_ALLOWED =
  'Your account may not change the programme’s lists. Ask your Microsoft 365 admin to give the programme owners Contribute access to the “Programme settings” list (README, “The programme store”).';

function wordFailure(error: unknown, when: 'read' | 'save'): ProgrammeSettingsError {
  if (error instanceof ProgrammeSettingsError) return error;
  if (error instanceof GraphPermissionError) return new ProgrammeSettingsError(describeStoreFailure(error).message, 'notGranted');
  if (error instanceof GraphRequestError && error.status === 403) return new ProgrammeSettingsError(NOT_ALLOWED, 'notAllowed');
  const failure = describeStoreFailure(error);
  if (failure.reason !== 'unavailable') return new ProgrammeSettingsError(failure.message, failure.reason === 'misconfigured' ? 'unavailable' : failure.reason);
  return new ProgrammeSettingsError(
    when === 'read'
      ? 'The programme settings could not be read just now, so the packaged ones apply. Check your connection, then try again.'
      : 'The programme settings could not be saved just now; nothing changed. Check your connection, then try again.',
    'unavailable',
  );
}

/**
 * An owner (`me`) saves the rules: only the values that differ from the packaged ones are kept (a
 * value put back to the packaged one follows the package again). Values out of range are refused
 * with what is wrong; a non-owner is refused; when another owner saved since `last` was read
 * (412), nothing is written and the error carries their settings to show. Returns what is stored now.
 */
export async function saveProgrammeSettings(
  client: GraphClient,
  place: SettingsPlace & { readonly me: string },
  values: ProgrammeRules,
  packaged: ProgrammeRules,
  last: SettingsEntry,
): Promise<ReadProgrammeSettings> {
  const problems = ruleProblems(values);
  if (Object.keys(problems).length > 0) {
    throw new ProgrammeSettingsError(`Nothing was saved. ${Object.values(problems).join(' ')}`, 'invalid', undefined, problems);
  }
  const changed: Record<string, unknown> = {};
  // Compared as stored: rounds are a list.
  for (const rule of RULE_NAMES) if (JSON.stringify(values[rule]) !== JSON.stringify(packaged[rule])) changed[rule] = values[rule];
  let store: ProgrammeStore;
  try {
    if (!(await isProgrammeOwner(client, place.ownerGroupId))) throw new ProgrammeSettingsError(NOT_OWNER, 'notOwner');
    store = await openProgrammeStore(client, place.ownerGroupId, (person) => person === place.me);
  } catch (error) {
    throw wordFailure(error, 'save');
  }
  try {
    // Items have no create-if-absent: before the first entry, look again, so that one another owner
    // wrote since the form was opened is seen rather than shadowed by a second entry.
    if (!last) {
      const fresh = await readFrom(store, packaged);
      if (fresh.entry) throw new ProgrammeSettingsError(CHANGED_BY_ANOTHER, 'changedByAnother', fresh);
    }
    const saved = await saveSettings(store, place.me, changed as StoredSettings, last);
    const { rules } = effectiveRules(packaged, changed as StoredSettings);
    return { rules, set: changed as Partial<ProgrammeRules>, entry: saved, ignored: [], untrusted: 0, notSetUp: false };
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 412) {
      const current = await readFrom(store, packaged).catch(() => undefined);
      throw new ProgrammeSettingsError(CHANGED_BY_ANOTHER, 'changedByAnother', current);
    }
    throw wordFailure(error, 'save');
  }
}
