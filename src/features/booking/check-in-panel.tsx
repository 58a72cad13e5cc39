import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, ToggleButton, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { MAX_CHECK_IN_NOTE, sessionsSoFar, type CheckIn, type Pulse, type SessionOutcome } from '@/domain/health/health';
import type { BookingRecord } from '@/domain/booking/pair-schedule';
import type { PairPerson } from '@/application/booking/booking-ports';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';
import { formatDate } from './booking-format';
import { useCheckIns } from './use-check-ins';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const OUTCOME_WORDS: Record<SessionOutcome, string> = { held: 'We met', moved: 'We met at another time', skipped: 'We skipped it', cancelled: 'It was cancelled' };
const RECORDED_WORDS: Record<SessionOutcome, string> = { held: 'you met', moved: 'you met at another time', skipped: 'you skipped it', cancelled: 'it was cancelled' };
const PULSES: readonly Pulse[] = [1, 2, 3, 4, 5];

/**
 * After a session: what became of it, how useful it was and, if the person wishes, a line to the
 * programme owners. Sealed for the person and the owners (application/programme/check-ins.ts): the
 * partner never sees it. Shown for the latest session that has begun, until the person records it.
 */
export function CheckInPanel({ booking, me, partner }: { booking: BookingRecord; me: PairPerson; partner: PairPerson }) {
  const styles = useStyles();
  const { host } = useServices();
  const { now } = useProgramme();
  const { available, mine, problem, record } = useCheckIns();
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<SessionOutcome | undefined>();
  const [cancelledBy, setCancelledBy] = useState<'me' | 'partner'>('partner');
  const [pulse, setPulse] = useState<Pulse | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const session = sessionsSoFar(booking, now()).at(-1);
  if (!available || !session || mine === undefined) return problem ? <Caption1>{problem}</Caption1> : null;
  const day = formatDate(`${session}T12:00:00Z`, me.zone, host.context.locale);
  const recorded = mine.filter((c) => c.with === partner.id && c.session === session).at(-1);

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
      with: partner.id,
      session,
      outcome,
      ...(outcome === 'cancelled' ? { cancelledBy: cancelledBy === 'me' ? me.id : partner.id } : {}),
      ...(met && pulse ? { pulse } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
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
          <ToggleButton key={o} size="small" checked={outcome === o} onClick={() => setOutcome(o)}>
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
            <ToggleButton key={p} size="small" checked={pulse === p} aria-label={`Useful: ${p} of 5`} onClick={() => setPulse(pulse === p ? undefined : p)}>
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
