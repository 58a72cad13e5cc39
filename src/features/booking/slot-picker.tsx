import { Body1, Button, Caption1, Card, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import { useServices } from '@/context/services-context';
import { findSlotsStretching, type Availability, type Slot } from '@/domain/scheduling/slots';
import { DEFAULT_WORKING_HOURS, readSchedules } from '@/services/booking/schedule-reader';
import type { Cadence, PairPerson } from '@/application/booking/booking-ports';
import { describeError, formatDate, formatWeekdayTime } from './booking-format';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  slot: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, textAlign: 'start' },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  custom: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
});

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly slots: readonly Slot[]; readonly organiserZone: string; readonly partnerUnreadable?: string };

/**
 * The best recurring times for a pair from both calendars, each in both people's local time with
 * the weeks it clashes; or a time of the viewer's own. `onChoose` gets the first start (UTC ISO)
 * and the organiser's time zone, in which the series keeps its wall-clock time.
 */
export function SlotPicker(props: {
  organiser: PairPerson;
  partner: PairPerson;
  /** Who is looking: the organiser (the executive) or the partner. */
  viewer: 'organiser' | 'partner';
  cadence: Cadence;
  actionLabel: string;
  busy: boolean;
  onChoose: (start: string, organiserZone: string) => void;
}) {
  const styles = useStyles();
  const { graph, host } = useServices();
  const locale = host.context.locale;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [custom, setCustom] = useState('');
  const [attempt, setAttempt] = useState(0);
  const { organiser, partner, cadence, viewer } = props;

  useEffect(() => {
    let current = true;
    setLoaded({ status: 'loading' });
    void (async () => {
      try {
        const client = await graph();
        // From tomorrow, in the organiser's calendar.
        const from = DateTime.now().setZone(organiser.zone).plus({ days: 1 }).startOf('day');
        const schedules = await readSchedules(
          client,
          [organiser, partner].map((p) => ({ address: p.address, fallbackZone: p.zone })),
          from.toUTC().toJSDate(),
          cadence.weeks,
        );
        const mine = schedules.get(organiser.address);
        const theirs = schedules.get(partner.address);
        if (mine?.kind !== 'read') throw new Error(`${organiser.displayName}’s calendar could not be read${mine ? `: ${mine.message}` : ''}.`);
        const partnerAvailability: Availability =
          theirs?.kind === 'read' ? theirs.availability : { timeZone: partner.zone, workingHours: DEFAULT_WORKING_HOURS, busy: [] };
        const slots = findSlotsStretching({
          organiser: mine.availability,
          partner: partnerAvailability,
          from: from.toISODate()!,
          everyWeeks: cadence.everyWeeks,
          minutes: cadence.minutes,
          weeks: cadence.weeks,
        });
        if (current) {
          setLoaded({
            status: 'ready',
            slots,
            organiserZone: mine.availability.timeZone,
            ...(theirs?.kind === 'unreadable' ? { partnerUnreadable: theirs.message } : {}),
          });
        }
      } catch (error) {
        if (current) setLoaded({ status: 'failed', message: describeError(error) });
      }
    })();
    return () => {
      current = false;
    };
  }, [graph, organiser, partner, cadence, attempt]);

  if (loaded.status === 'loading') return <Spinner size="tiny" label="Checking both calendars for times that suit you both…" />;
  if (loaded.status === 'failed') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {loaded.message}{' '}
          <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }

  const me = viewer === 'organiser' ? organiser : partner;
  const other = viewer === 'organiser' ? partner : organiser;
  const customStart = custom ? DateTime.fromISO(custom, { zone: me.zone }) : undefined;
  const customValid = customStart?.isValid === true && customStart.toMillis() > Date.now();
  return (
    <>
      {loaded.partnerUnreadable && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {partner.displayName}’s calendar cannot be read ({loaded.partnerUnreadable}). These times fit {viewer === 'organiser' ? 'your' : `${organiser.displayName}’s`} calendar
            only; {partner.displayName} can propose another time once invited.
          </MessageBarBody>
        </MessageBar>
      )}
      {loaded.slots.length === 0 ? (
        <Body1>No time is free in both calendars in most weeks. Propose a time below; the other person can suggest another.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Suggested times">
          {loaded.slots.map((slot) => {
            const first = slot.occurrences[0]!;
            const stretched = slot.outsideWorkingHours.map((who) => (who === viewer ? 'you' : other.displayName));
            return (
              <li key={first}>
                <Card className={styles.slot} appearance="outline">
                  <div className={styles.text}>
                    <Body1>
                      <strong>Every {cadence.everyWeeks === 1 ? '' : `${cadence.everyWeeks} weeks on `}{formatWeekdayTime(first, me.zone, locale)}</strong> your time ·{' '}
                      {formatWeekdayTime(first, other.zone, locale)} for {other.displayName}
                    </Body1>
                    <Caption1>
                      {slot.clashes.length === 0
                        ? `Free for both of you in all ${slot.occurrences.length} sessions, from ${formatDate(first, me.zone, locale)}.`
                        : `Free in ${slot.occurrences.length - slot.clashes.length} of ${slot.occurrences.length} sessions; clashes on ${slot.clashes
                            .slice(0, 3)
                            .map((c) => formatDate(c, me.zone, locale))
                            .join(', ')}${slot.clashes.length > 3 ? ' and more' : ''}.`}
                      {stretched.length > 0 && ` Outside working hours for ${stretched.join(' and ')} in some weeks.`}
                    </Caption1>
                  </div>
                  <Button
                    appearance="primary"
                    disabled={props.busy}
                    onClick={() => props.onChoose(first, loaded.organiserZone)}
                    aria-label={`${props.actionLabel}: ${formatWeekdayTime(first, me.zone, locale)}`}
                  >
                    {props.actionLabel}
                  </Button>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      <div className={styles.custom}>
        <Field label="Or propose another time (your time)" validationMessage={custom && !customValid ? 'Choose a time in the future.' : null}>
          <Input type="datetime-local" value={custom} onChange={(_, data) => setCustom(data.value)} />
        </Field>
        <Button disabled={props.busy || !customValid} onClick={() => customStart && props.onChoose(customStart.toUTC().toISO({ suppressMilliseconds: true })!, loaded.organiserZone)}>
          {props.actionLabel} at this time
        </Button>
      </div>
    </>
  );
}
