import { Body1, Button, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { namesApart } from '@/components/names-apart';
import { OwnWords } from '@/components/own-words';
import { PersonLine } from '@/components/person-line';
import { SectionCard } from '@/components/section-card';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';
import type { PairPerson } from '@/application/booking/booking-ports';
import { formatDayTime, formatTime, formatWeekdayTime } from './booking-format';
import { useMyPairing, useNextSession, type NextSession, type Pairing } from './use-pair-booking';
import { workspacePage } from './workspace-page';

const useStyles = makeStyles({
  pair: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  waiting: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** What waits for the signed-in person in this pair, in words; empty when nothing does. */
function waitingFor(pairing: Pairing, next: NextSession | 'failed' | undefined, me: PairPerson, locale: string): string[] {
  const { schedule, partner } = pairing;
  const name = partner.displayName;
  const yourTime = (iso: string) => `${formatWeekdayTime(iso, me.zone, locale)} your time`;
  const known = next && next !== 'failed' ? next : undefined;
  if (pairing.partnerIs === 'mentor') {
    if (schedule.kind === 'unbooked') return [schedule.proposal ? `${name} suggests ${yourTime(schedule.proposal)}: book it below.` : `Choose a time for your sessions with ${name} below.`];
    if (schedule.kind !== 'booked') return [];
    return [
      ...(schedule.proposal ? [`${name} would like to move your sessions to ${yourTime(schedule.proposal)}: answer below.`] : []),
      ...(known?.response === 'declined' ? [`${name} cannot make the booked time: choose another below.`] : []),
    ];
  }
  if (schedule.kind !== 'booked') return [];
  return known && (known.response === 'none' || known.response === 'notResponded') ? [`Accept or decline the invitation to your sessions with ${name} below.`] : [];
}

/** One pair: the partner, the next session with Join and Prepare, and what waits for the signed-in person. */
function PairLine({ me, pairing, label }: { me: PairPerson; pairing: Pairing; label: string }) {
  const styles = useStyles();
  const { host, teamsApp } = useServices();
  const { people, profiles } = useProgramme();
  const locale = host.context.locale;
  const next = useNextSession({ me, pairing });
  const { partner, schedule } = pairing;
  const profile = profiles.list.find((p) => p.personId === partner.id);
  const waiting = waitingFor(pairing, next, me, locale);

  let session;
  if (schedule.kind !== 'booked') session = <Body1>No sessions booked yet.</Body1>;
  else if (next === undefined) session = <Spinner size="tiny" label="Looking for your next session…" />;
  else if (next === 'failed') session = <Body1>Your next session could not be read from your calendar; the sessions below are as booked.</Body1>;
  else if (!next.start) session = <Body1>No session in the coming weeks.</Body1>;
  else {
    session = (
      <Body1>
        Next session: <strong>{formatDayTime(next.start, me.zone, locale)}</strong> your time ({formatTime(next.start, partner.zone, locale)} for {partner.displayName.split(' ')[0]}).
      </Body1>
    );
  }
  const ref = schedule.kind === 'booked' ? schedule.booking.ref : undefined;
  const joinUrl = next && next !== 'failed' && next.start ? next.joinUrl : undefined;

  return (
    <div className={styles.pair} role="group" aria-label={label}>
      <PersonLine person={people.get(partner.id)} fallbackName={partner.displayName} timeZone={partner.zone} locale={locale} />
      <OwnWords profile={profile} side={pairing.partnerIs} />
      {session}
      {schedule.kind === 'booked' && (joinUrl || ref) && (
        <div className={styles.row}>
          {joinUrl && (
            <Button as="a" appearance="primary" href={joinUrl} target="_blank" rel="noreferrer">
              Join
            </Button>
          )}
          {ref && (
            <Button as="a" href={workspacePage(teamsApp.origin, ref)} target="_blank" rel="noreferrer">
              Prepare
            </Button>
          )}
        </div>
      )}
      {waiting.length > 0 && (
        <ul className={styles.waiting} aria-label={`Waiting for you with ${partner.displayName}`}>
          {waiting.map((line) => (
            <li key={line}>
              <Body1>{line}</Body1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * What home leads with for someone in a pair: each partner (name, role, place, their local time),
 * the next session with Join (the Teams meeting) and Prepare (the pair's agenda), and what waits
 * for them (a time to book or agree, an invitation or a request to answer). Nothing for people
 * without a pair: their suggestions lead instead.
 */
export function PairingCard() {
  const pairing = useMyPairing();
  const { people } = useProgramme();
  if (!pairing || pairing.pairings.length === 0) return null;
  const { self, pairings, requests } = pairing;
  const labels = namesApart(pairings.map((p) => ({ id: p.partner.id, person: people.get(p.partner.id), fallbackName: p.partner.displayName })));
  const requestNames = namesApart(requests.map((id) => ({ id, person: people.get(id), fallbackName: 'An executive' })));
  return (
    <SectionCard title="Your pairing" wide>
      {pairings.map((p) => (
        <PairLine key={p.partner.id} me={self} pairing={p} label={`With ${labels.get(p.partner.id) ?? p.partner.displayName}`} />
      ))}
      {requests.length > 0 && <Caption1>Also waiting for you: {requests.map((id) => requestNames.get(id)).join(', ')} asked you to pair. Answer under Requests to pair.</Caption1>}
    </SectionCard>
  );
}
