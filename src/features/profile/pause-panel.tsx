import { Button, Caption1, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { firstPauseDay, localDay, MAX_PAUSE_DAYS, pauseProblem } from '@/application/programme/pause';
import { addDays } from '@/domain/programme/rounds';
import { CardActions } from '@/components/section-card';
import { dayWords } from '@/components/matching-words';

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A pause is offered for two weeks first: long enough for a holiday or a busy spell. */
const FIRST_OFFER_DAYS = 14;

/** What the panel needs: the pause (if any), the clock, and what pausing and resuming do (they throw words). */
export interface PausePanelProps {
  readonly pausedUntil: string | undefined;
  readonly now: number;
  /** The person's time zone: the days they choose from are their own. */
  readonly timeZone: string;
  readonly onPause: (until: string | undefined) => Promise<void>;
  readonly describe: (error: unknown, failed: string) => Promise<string>;
  /** The card's other actions, shown beside Pause and Resume now. */
  readonly children?: ReactNode;
}

/**
 * Taking a break from the programme: while paused, when it ends and "Resume now"; otherwise "Pause",
 * which asks for the day they are back. Current pairings carry on either way; the panel says so.
 */
export function PausePanel({ pausedUntil, now, timeZone, onPause, describe, children }: PausePanelProps) {
  const [choosing, setChoosing] = useState(false);
  const today = localDay(now, timeZone);
  const [until, setUntil] = useState(() => addDays(today, FIRST_OFFER_DAYS));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const paused = pausedUntil !== undefined && pausedUntil > dayOf(now);

  const run = async (day: string | undefined, failed: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await onPause(day);
      setChoosing(false);
    } catch (caught) {
      setError(await describe(caught, failed));
    } finally {
      setBusy(false);
    }
  };
  const problem = error && (
    <MessageBar intent="error">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  );

  if (paused) {
    return (
      <>
        <MessageBar intent="info">
          <MessageBarBody>
            You have paused taking part until {dayWords(pausedUntil)}. Until then no one is suggested or proposed to you, and no one can ask you to pair. Your current pairings carry on.
          </MessageBarBody>
        </MessageBar>
        {problem}
        <CardActions>
          {children}
          <Button disabled={busy} onClick={() => void run(undefined, 'Could not resume')}>
            Resume now
          </Button>
        </CardActions>
      </>
    );
  }
  if (!choosing) {
    return (
      <>
        {problem}
        <CardActions>
          {children}
          <Button disabled={busy} onClick={() => setChoosing(true)}>
            Pause
          </Button>
        </CardActions>
      </>
    );
  }
  const invalid = pauseProblem(until, now, timeZone);
  return (
    <>
      <Field
        label="Back on"
        hint={`No suggestions, proposals or requests until this day (at most ${MAX_PAUSE_DAYS} days). Your current pairings carry on.`}
        validationState={invalid ? 'error' : 'none'}
        validationMessage={invalid ?? null}
      >
        <Input type="date" value={until} min={firstPauseDay(now, timeZone)} max={addDays(today, MAX_PAUSE_DAYS)} onChange={(_, data) => setUntil(data.value)} />
      </Field>
      {problem}
      <CardActions>
        <Button appearance="primary" disabled={busy || invalid !== undefined} onClick={() => void run(until, 'Could not pause')}>
          Pause until then
        </Button>
        <Button disabled={busy} onClick={() => setChoosing(false)}>
          Cancel
        </Button>
      </CardActions>
      <Caption1>People in the programme can see that you paused and until when; nobody else can.</Caption1>
    </>
  );
}
