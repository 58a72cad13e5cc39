import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, ToggleButton, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { MAX_CHECK_IN_NOTE, sessionsSoFar, type CheckIn, type EvaluationStage, type Pulse, type SessionOutcome } from '@/domain/health/health';
import { evaluationStatements } from '@/application/programme/evaluation-statements';
import { useProgrammeSettings } from '@/context/use-programme-settings';
import type { BookingRecord } from '@/domain/booking/pair-schedule';
import type { PairPerson } from '@/application/booking/booking-ports';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';
import { formatDate } from './booking-format';
import type { SessionRecordsPort } from './use-check-ins';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  statement: { flexBasis: '100%' },
});

const OUTCOME_WORDS: Record<SessionOutcome, string> = { held: 'We met', moved: 'We met at another time', skipped: 'We skipped it', cancelled: 'It was cancelled' };
const RECORDED_WORDS: Record<SessionOutcome, string> = { held: 'you met', moved: 'you met at another time', skipped: 'you skipped it', cancelled: 'it was cancelled' };
const PULSES: readonly Pulse[] = [1, 2, 3, 4, 5];
const WEEK_MS = 7 * 86_400_000;

type Records = SessionRecordsPort;
interface PairingProps {
  readonly booking: BookingRecord;
  readonly me: PairPerson;
  readonly partner: PairPerson;
}

/** The sessions a series holds in all. */
const sessionsIn = (booking: BookingRecord) => Math.ceil(booking.weeks / booking.everyWeeks);

/**
 * What a person records about a pairing, sealed for them and the owners (application/programme/check-ins.ts),
 * never for the partner: an evaluation when it starts (in its first half) and when it ends (from its
 * last session on, or once ended), and after each session a check-in; `records` are the person's (useCheckIns).
 */
export function AfterSessions({ records, ...props }: PairingProps & { readonly records: Records }) {
  const { now } = useProgramme();
  const { available, mine, problem } = records;
  if (!available) return null;
  if (!mine) return problem ? <Caption1>{problem}</Caption1> : null;
  const { booking, partner } = props;
  const begun = sessionsSoFar(booking, now()).length;
  const over = booking.ended !== undefined || begun >= sessionsIn(booking);
  const given = (stage: EvaluationStage) => mine.evaluations.some((e) => e.with === partner.id && e.stage === stage);
  const startDue = begun > 0 && begun <= sessionsIn(booking) / 2 && !over && !given('start');
  // A pairing ended before its first session (its round ended first) has nothing to evaluate.
  const endDue = over && begun > 0 && !given('end');
  return (
    <>
      {startDue && <EvaluationForm {...props} stage="start" records={records} />}
      {endDue && <EvaluationForm {...props} stage="end" records={records} />}
      <CheckInForm {...props} records={records} />
    </>
  );
}

/**
 * After a session: what became of it, how useful it was and, if the person wishes, a line to the
 * programme owners. Shown for the latest session that has begun, until the person records it.
 */
function CheckInForm({ booking, me, partner, records }: PairingProps & { readonly records: Records }) {
  const styles = useStyles();
  const { host } = useServices();
  const { now } = useProgramme();
  const { mine, record } = records;
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<SessionOutcome | undefined>();
  const [cancelledBy, setCancelledBy] = useState<'me' | 'partner'>('partner');
  const [pulse, setPulse] = useState<Pulse | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const sessions = sessionsSoFar(booking, now());
  const session = sessions.at(-1);
  if (!session || !mine) return null;
  // The day the session was, where the person is (the session's name is its UTC date).
  const day = formatDate(new Date(Date.parse(booking.start) + (sessions.length - 1) * booking.everyWeeks * WEEK_MS).toISOString(), me.zone, host.context.locale);
  const recorded = mine.checkIns.filter((c) => c.with === partner.id && c.session === session).at(-1);

  if (recorded && !editing) {
    return (
      <div className={styles.panel} role="group" aria-label="Your check-in">
        <div className={styles.row}>
          <Body1 role="status">
            Thank you: you checked in for the session on {day} ({RECORDED_WORDS[recorded.outcome]}
            {recorded.pulse ? `, useful ${recorded.pulse} of 5` : ''}).
          </Body1>
          <Button size="small" appearance="subtle" onClick={() => startEditing(recorded)}>
            Change
          </Button>
        </div>
      </div>
    );
  }

  function startEditing(from: CheckIn) {
    setOutcome(from.outcome);
    setCancelledBy(from.cancelledBy === me.id ? 'me' : 'partner');
    setPulse(from.pulse);
    setNote(from.note ?? '');
    setEditing(true);
  }

  const met = outcome === 'held' || outcome === 'moved';
  const tooLong = note.trim().length > MAX_CHECK_IN_NOTE;
  const save = async () => {
    if (!outcome || tooLong) return;
    setBusy(true);
    setError(undefined);
    const failed = await record({
      checkIn: {
        with: partner.id,
        session,
        outcome,
        ...(outcome === 'cancelled' ? { cancelledBy: cancelledBy === 'me' ? me.id : partner.id } : {}),
        ...(met && pulse ? { pulse } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
    setBusy(false);
    if (failed) setError(failed);
    else setEditing(false);
  };

  return (
    <div className={styles.panel} role="group" aria-label={`Check in for the session on ${day}`}>
      <Body1>
        <strong>How did your session on {day} go?</strong> Only you and the programme owners see your check-in; {partner.displayName} does not.
      </Body1>
      <div className={styles.row} role="group" aria-label="What happened">
        {(Object.keys(OUTCOME_WORDS) as SessionOutcome[]).map((o) => (
          <ToggleButton key={o} size="small" checked={outcome === o} appearance={outcome === o ? 'primary' : 'secondary'} onClick={() => setOutcome(o)}>
            {OUTCOME_WORDS[o]}
          </ToggleButton>
        ))}
      </div>
      {outcome === 'cancelled' && (
        <Field label="Who cancelled?">
          <RadioGroup layout="horizontal" value={cancelledBy} onChange={(_, d) => setCancelledBy(d.value as 'me' | 'partner')}>
            <Radio value="me" label="I did" />
            <Radio value="partner" label={partner.displayName} />
          </RadioGroup>
        </Field>
      )}
      {met && (
        <div className={styles.row} role="group" aria-label="How useful was it, from 1 (not at all) to 5 (very)?">
          <Caption1>How useful was it? 1 not at all, 5 very:</Caption1>
          {PULSES.map((p) => (
            <ToggleButton
              key={p}
              size="small"
              checked={pulse === p}
              appearance={pulse === p ? 'primary' : 'secondary'}
              aria-label={`Useful: ${p} of 5`}
              onClick={() => setPulse(pulse === p ? undefined : p)}
            >
              {p}
            </ToggleButton>
          ))}
        </div>
      )}
      <Field
        label="A line to the programme owners (optional)"
        hint={`${note.trim().length} / ${MAX_CHECK_IN_NOTE} characters. The owners read it with your name.`}
        validationState={tooLong ? 'error' : 'none'}
        validationMessage={tooLong ? `Shorten it to ${MAX_CHECK_IN_NOTE} characters to save.` : null}
      >
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" size="small" disabled={!outcome || tooLong || busy} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save check-in'}
        </Button>
        {editing && (
          <Button size="small" disabled={busy} onClick={() => setEditing(false)}>
            Keep what I recorded
          </Button>
        )}
      </div>
    </div>
  );
}

const STAGE_TITLES: Record<EvaluationStage, string> = {
  start: 'Before you get going: where are you now?',
  end: 'Your pairing is ending: where are you now?',
};

/** One row of 1–5 choices, as a labelled group of toggle buttons. */
function Scale({ label, low, high, value, onChange }: { label: string; low: string; high: string; value: Pulse | undefined; onChange: (value: Pulse) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.row} role="group" aria-label={label}>
      <Body1 className={styles.statement}>{label}</Body1>
      <Caption1>{low}</Caption1>
      {PULSES.map((p) => (
        <ToggleButton key={p} size="small" checked={value === p} appearance={value === p ? 'primary' : 'secondary'} aria-label={`${p} of 5`} onClick={() => onChange(p)}>
          {p}
        </ToggleButton>
      ))}
      <Caption1>{high}</Caption1>
    </div>
  );
}

/**
 * The evaluation at a pairing's start or end: how far along the person is with their own goals and
 * the programme's statements (its settings), each 1–5. The owners see them only as averages over
 * five people or more.
 */
function EvaluationForm({ partner, stage, records }: PairingProps & { readonly stage: EvaluationStage; readonly records: Records }) {
  const styles = useStyles();
  const statements = evaluationStatements(useProgrammeSettings().rules);
  const [goals, setGoals] = useState<Pulse | undefined>();
  const [answers, setAnswers] = useState<ReadonlyMap<string, Pulse>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const complete = goals !== undefined && statements.every((s) => answers.has(s));

  const save = async () => {
    if (!complete) return;
    setBusy(true);
    setError(undefined);
    const failed = await records.record({ evaluation: { with: partner.id, stage, goals, answers: statements.map((statement) => ({ statement, value: answers.get(statement)! })) } });
    setBusy(false);
    if (failed) setError(failed);
  };

  return (
    <div className={styles.panel} role="group" aria-label={stage === 'start' ? 'Evaluation at the start' : 'Evaluation at the end'}>
      <Body1>
        <strong>{STAGE_TITLES[stage]}</strong> The programme owners see the answers only as averages over five people or more; {partner.displayName} does not see them.
      </Body1>
      <Scale label="How far along are you with your own goals?" low="just starting" high="there" value={goals} onChange={setGoals} />
      {statements.map((statement) => (
        <Scale key={statement} label={statement} low="disagree" high="agree" value={answers.get(statement)} onChange={(value) => setAnswers(new Map(answers).set(statement, value))} />
      ))}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" size="small" disabled={!complete || busy} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save evaluation'}
        </Button>
        {!complete && <Caption1>Rate each line to save.</Caption1>}
      </div>
    </div>
  );
}
