import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { nextRound, type Round } from '@/domain/programme/rounds';

const useStyles = makeStyles({
  rounds: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: 'none' },
  round: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    alignItems: 'end',
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  // Fluent's Input keeps a minimum width of its own: in the grid each takes its column.
  input: { minWidth: 0, width: '100%' },
});

/** A round as typed: the target stays text until saved, so a half-typed one can be said wrong. */
export type RoundDraft = { readonly [K in keyof Round]: string };

export const roundDraftOf = (round: Round): RoundDraft => ({ ...round, targetSessions: String(round.targetSessions) });
export const roundOf = (draft: RoundDraft): Round => ({
  name: draft.name.trim(),
  start: draft.start,
  matchUntil: draft.matchUntil,
  end: draft.end,
  targetSessions: /^\s*\d+\s*$/.test(draft.targetSessions) ? Number(draft.targetSessions) : Number.NaN,
});

const FIELDS: readonly { key: Exclude<keyof Round, 'name'>; label: string; type: 'date' | 'number' }[] = [
  { key: 'start', label: 'First day', type: 'date' },
  { key: 'matchUntil', label: 'Matching closes', type: 'date' },
  { key: 'end', label: 'Last day', type: 'date' },
  { key: 'targetSessions', label: 'Sessions per pair', type: 'number' },
];

/**
 * The programme's rounds in the settings form: past rounds (as saved) as they were, the current and
 * later ones to edit, a round not begun to remove, and "Open the next round", which adds one after
 * the last.
 */
export function RoundsFields({
  rounds,
  saved,
  today,
  problem,
  onChange,
  formatDay,
}: {
  readonly rounds: readonly RoundDraft[];
  /** The rounds as saved: a round whose saved last day has passed is shown as it was, whatever is being typed. */
  readonly saved: readonly Round[];
  readonly today: string;
  readonly problem: string | undefined;
  readonly onChange: (rounds: RoundDraft[]) => void;
  readonly formatDay: (day: string) => string;
}) {
  const styles = useStyles();
  const set = (index: number, change: Partial<RoundDraft>) => onChange(rounds.map((r, i) => (i === index ? { ...r, ...change } : r)));
  return (
    <Field
      label="Rounds"
      hint="Pairs are made from a round’s first day until matching closes, and their sessions end on its last day; everyone’s past pairs count in the next round’s rules. Without rounds the programme runs all year."
      validationMessage={problem ?? null}
      validationState={problem ? 'error' : 'none'}
    >
      <ul className={styles.rounds} aria-label="Rounds">
        {rounds.map((round, index) =>
          (saved[index]?.end ?? today) < today ? (
            <li key={index}>
              <Body1>
                {round.name}: {formatDay(round.start)} to {formatDay(round.end)}, matching until {formatDay(round.matchUntil)}, {round.targetSessions} sessions per pair. Ended.
              </Body1>
            </li>
          ) : (
            <li key={index} className={styles.round} aria-label={round.name || `Round ${index + 1}`}>
              <Field label="Name">
                <Input className={styles.input} value={round.name} maxLength={60} onChange={(_, d) => set(index, { name: d.value })} />
              </Field>
              {FIELDS.map((field) => (
                <Field key={field.key} label={field.label}>
                  <Input
                    className={styles.input}
                    type={field.type}
                    value={round[field.key]}
                    {...(field.type === 'number' ? { min: 1, max: 52, step: 1, inputMode: 'numeric' as const } : {})}
                    onChange={(_, d) => set(index, { [field.key]: d.value })}
                  />
                </Field>
              ))}
              {round.start > today && (
                <Button type="button" onClick={() => onChange(rounds.filter((_, i) => i !== index))}>
                  Remove {round.name || 'this round'}
                </Button>
              )}
            </li>
          ),
        )}
      </ul>
      <div className={styles.row}>
        <Button type="button" disabled={problem !== undefined} onClick={() => onChange([...rounds, roundDraftOf(nextRound(rounds.map(roundOf), today))])}>
          {rounds.length === 0 ? 'Start the first round' : 'Open the next round'}
        </Button>
        <Caption1>Saved with the settings.</Caption1>
      </div>
    </Field>
  );
}
