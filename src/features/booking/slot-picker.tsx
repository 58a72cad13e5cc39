import { Body1, Button, Caption1, Card, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useServices } from '@/context/services-context';
import type { Cadence, PairPerson } from '@/application/booking/booking-ports';
import { formatDate, formatWeekdayTime } from './booking-format';
import { usePairSlots } from './use-pair-booking';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  slot: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, textAlign: 'start' },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  custom: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
});

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
  /** The verb on each slot's button and, with "this time", on the typed time's: "Book", "Move to", "Propose". */
  actionLabel: string;
  busy: boolean;
  onChoose: (start: string, organiserZone: string) => void;
}) {
  const styles = useStyles();
  const { host } = useServices();
  const locale = host.context.locale;
  const [custom, setCustom] = useState('');
  const { organiser, partner, cadence, viewer } = props;
  const { loaded, retry, startAt } = usePairSlots({ organiser, partner, cadence });

  if (loaded.status === 'loading') return <Spinner size="tiny" label="Checking both calendars for times that suit you both…" />;
  if (loaded.status === 'failed') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {loaded.message}{' '}
          <Button size="small" onClick={retry}>
            Try again
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }

  const me = viewer === 'organiser' ? organiser : partner;
  const other = viewer === 'organiser' ? partner : organiser;
  const customStart = startAt(custom, me.zone);
  const customValid = customStart !== undefined;
  return (
    <>
      {loaded.partnerUnreadable && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {partner.displayName}’s calendar cannot be read ({loaded.partnerUnreadable}). These times fit {viewer === 'organiser' ? 'your' : `${organiser.displayName}’s`} calendar only;{' '}
            {partner.displayName} can propose another time once invited.
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
                      <strong>
                        Every {cadence.everyWeeks === 1 ? '' : `${cadence.everyWeeks} weeks on `}
                        {formatWeekdayTime(first, me.zone, locale)}
                      </strong>{' '}
                      your time · {formatWeekdayTime(first, other.zone, locale)} for {other.displayName}
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
        <Button disabled={props.busy || !customValid} onClick={() => customStart && props.onChoose(customStart, loaded.organiserZone)}>
          {props.actionLabel} this time
        </Button>
      </div>
    </>
  );
}
