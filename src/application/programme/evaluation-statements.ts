/**
 * The statements of the evaluation people give at the start and the end of a pairing: the owners'
 * (a programme setting), or the app's own. Apart from the settings' rules, which load before the
 * first suggestions, since only the evaluation, its settings field and the owners' view need them.
 */
import { statementsOf, type ProgrammeRules } from './programme-settings';

/** The app's own evaluation statements, rated 1 (disagree) to 5 (agree), when the owners set none. */
export const OWN_EVALUATION: readonly string[] = [
  'I understand how people at the other end of the organisation work and think.',
  'I feel confident working with people of other generations and levels.',
  'I would recommend the programme to a colleague.',
];

/** The statements people rate: the owners', or the app's own when they set none. */
export function evaluationStatements(rules: Pick<ProgrammeRules, 'evaluation'>): readonly string[] {
  const set = statementsOf(rules.evaluation);
  return set.length > 0 ? set : OWN_EVALUATION;
}
