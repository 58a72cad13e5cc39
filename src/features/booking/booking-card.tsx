import {
  Body1,
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { DateTime } from 'luxon';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useProgramme } from '@/context/programme-context';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { pairScheduleOf, withEntry, type BookingRecord } from '@/domain/booking/pair-schedule';
import { requestStateOf } from '@/domain/matching/requests';
import { movedSeries, seriesFor, type SeriesShape } from '@/domain/scheduling/recurrence';
import {
  bookSeries,
  endSeries,
  findMyCopy,
  findSeries,
  listOccurrences,
  pairKeyOf,
  rescheduleSeries,
  respondToSeries,
  skipOccurrence,
  type ChatTabOutcome,
  type SeriesInfo,
} from '@/services/booking/booking-service';
import { mailboxAddressOf } from '@/services/graph/directory-person';
import { describeError, formatDate, formatWeekdayTime, type Cadence, type PairPerson } from './booking-format';
import { SlotPicker } from './slot-picker';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
});

/** The series a booking record describes, as the domain shapes it. */
const shapeOf = (b: BookingRecord): SeriesShape => seriesFor(b.start, b.zone, { everyWeeks: b.everyWeeks, weeks: b.weeks, minutes: b.minutes });

/** Runs one action at a time, with its error kept for the card to show. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

function ErrorBar({ error }: { error: string | undefined }) {
  return error ? (
    <MessageBar intent="error">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  ) : null;
}

/** "Every 2 weeks on Wednesday 16:45 your time (09:45 for Diego), 2 Dec 2026 – 26 May 2027." */
function SeriesSummary({ booking, me, other }: { booking: BookingRecord; me: PairPerson; other: PairPerson }) {
  const { host } = useServices();
  const locale = host.context.locale;
  const last = DateTime.fromISO(booking.start).plus({ weeks: booking.weeks - 1 }).toISO()!;
  return (
    <Body1>
      Every {booking.everyWeeks === 1 ? 'week' : `${booking.everyWeeks} weeks`} on <strong>{formatWeekdayTime(booking.start, me.zone, locale)}</strong> your time (
      {formatWeekdayTime(booking.start, other.zone, locale)} for {other.displayName}), {booking.minutes} minutes, {formatDate(booking.start, me.zone, locale)} to{' '}
      {formatDate(booking.ended ?? last, me.zone, locale)}.
    </Body1>
  );
}

function ChatTabNote({ outcome, tabName }: { outcome: ChatTabOutcome | undefined; tabName: string }) {
  if (!outcome) return null;
  if (outcome.kind === 'added') return <Caption1>The meeting chat has the “{tabName}” tab with your shared agenda.</Caption1>;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        {outcome.reason}{' '}
        <Link href={outcome.installLink} target="_blank" rel="noreferrer">
          Add Reverse mentoring to your meeting
        </Link>{' '}
        (Teams opens the app; choose <strong>Add to a meeting</strong>), or in the meeting select <strong>Apps</strong> (+) and choose it there.
      </MessageBarBody>
    </MessageBar>
  );
}

/** The executive's side: book the series, then reschedule, skip a session or end the pairing. */
function ExecutiveSessions({ me, mentor, cadence }: { me: PairPerson; mentor: PairPerson; cadence: Cadence }) {
  const styles = useStyles();
  const { graph, host, config, teamsApp } = useServices();
  const { me: profile, profiles, updateMyProfile } = useProgramme();
  const locale = host.context.locale;
  const { busy, error, run } = useAction();
  const [chatTab, setChatTab] = useState<ChatTabOutcome | undefined>();
  const [series, setSeries] = useState<SeriesInfo | 'none' | undefined>();
  const [mode, setMode] = useState<'view' | 'reschedule' | 'skip' | 'end'>('view');
  const [next, setNext] = useState<{ id: string; start: string }[] | undefined>();
  const mentorProfile = profiles.list.find((p) => p.personId === mentor.id);
  const schedule = pairScheduleOf(me.id, mentor.id, profile?.bookings, mentorProfile?.proposals, new Date().toISOString());
  const tabName = 'Pair workspace';
  const app = useMemo(() => ({ ...teamsApp, tabName }), [teamsApp]);
  const booked = schedule.kind === 'booked' ? schedule.booking : undefined;

  // The series as the calendar has it: the partner's reply, and its id for changes.
  useEffect(() => {
    if (!booked) return;
    let current = true;
    void (async () => {
      try {
        const found = await findSeries(await graph(), pairKeyOf(me.id, mentor.id), mentor.address);
        if (current) setSeries(found[0] ?? 'none');
      } catch {
        if (current) setSeries(undefined);
      }
    })();
    return () => {
      current = false;
    };
  }, [booked, graph, me.id, mentor.id, mentor.address]);

  const record = async (booking: BookingRecord) => updateMyProfile({ bookings: withEntry(profile?.bookings, mentor.id, booking) });

  const book = (start: string, zone: string) =>
    run(async () => {
      const client = await graph();
      const shape = seriesFor(start, zone, cadence);
      const result = await bookSeries(client, {
        organiser: { id: me.id, displayName: me.displayName, mail: me.address },
        partner: { id: mentor.id, displayName: mentor.displayName, mail: mentor.address },
        series: shape,
        programmeName: config.programme.name,
        codeOfConduct: config.programme.codeOfConduct,
        app,
      });
      setChatTab(result.chatTab);
      setSeries(result.series);
      await record({
        with: mentor.id,
        start,
        zone,
        ...cadence,
        uid: result.series.iCalUId,
        workspace: result.workspace.webUrl,
        ref: `${result.workspace.driveId}/${result.workspace.id}`,
      });
    });

  const move = (start: string, zone: string) =>
    run(async () => {
      if (!booked || !series || series === 'none') throw new Error('The series was not found in your calendar.');
      await rescheduleSeries(await graph(), series.id, movedSeries(shapeOf(booked), start, zone));
      setSeries({ ...series, partnerResponse: 'none' });
      await record({ ...booked, start, zone });
      setMode('view');
    });

  const showNext = () =>
    run(async () => {
      if (!series || series === 'none') return;
      const now = new Date();
      setNext(await listOccurrences(await graph(), series.id, now, new Date(now.getTime() + 10 * 7 * 86_400_000)));
      setMode('skip');
    });

  const skip = (occurrenceId: string) =>
    run(async () => {
      await skipOccurrence(await graph(), occurrenceId, `${me.displayName} skipped this session; the next one stands.`);
      setNext((list) => list?.filter((o) => o.id !== occurrenceId));
    });

  const end = () =>
    run(async () => {
      if (!booked || !series || series === 'none') throw new Error('The series was not found in your calendar.');
      const today = DateTime.now().setZone(booked.zone).toISODate()!;
      await endSeries(await graph(), series.id, shapeOf(booked), today);
      await record({ ...booked, ended: today });
    });

  if (schedule.kind === 'ended') {
    return (
      <Body1>
        Your pairing with {mentor.displayName} ended on {formatDate(`${schedule.booking.ended!}T12:00:00Z`, me.zone, locale)}. Your{' '}
        <Link href={schedule.booking.workspace} target="_blank" rel="noreferrer">
          pair workspace
        </Link>{' '}
        and past sessions stay in your OneDrive and calendar.
      </Body1>
    );
  }

  if (schedule.kind === 'unbooked') {
    return (
      <>
        <Body1>
          Pick a recurring time: every {cadence.everyWeeks === 1 ? 'week' : `${cadence.everyWeeks} weeks`}, {cadence.minutes} minutes, for {cadence.weeks} weeks. It goes into
          both calendars as a Teams meeting, with a private workspace for the two of you.
        </Body1>
        {schedule.proposal && (
          <MessageBar intent="info">
            <MessageBarBody>
              {mentor.displayName} suggests {formatWeekdayTime(schedule.proposal, me.zone, locale)} your time.{' '}
              <Button size="small" appearance="primary" disabled={busy} onClick={() => void book(schedule.proposal!, profile?.timeZone ?? me.zone)}>
                Book this time
              </Button>
            </MessageBarBody>
          </MessageBar>
        )}
        <ErrorBar error={error} />
        {busy && <Spinner size="tiny" label="Booking your sessions and creating your pair workspace…" />}
        <SlotPicker organiser={me} partner={mentor} viewer="organiser" cadence={cadence} actionLabel="Book" busy={busy} onChoose={(start, zone) => void book(start, zone)} />
      </>
    );
  }

  const booking = schedule.booking;
  const response = series && series !== 'none' ? series.partnerResponse : undefined;
  return (
    <>
      <SeriesSummary booking={booking} me={me} other={mentor} />
      {series === 'none' && (
        <MessageBar intent="warning">
          <MessageBarBody>The series is no longer in your calendar. Book it again below.</MessageBarBody>
        </MessageBar>
      )}
      {response === 'declined' ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {mentor.displayName} declined these sessions. Choose another time with <strong>Reschedule</strong>, or end the pairing.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Caption1 role="status">
          {response === 'accepted'
            ? `${mentor.displayName} accepted the invitation.`
            : response === 'tentativelyAccepted'
              ? `${mentor.displayName} tentatively accepted.`
              : `Waiting for ${mentor.displayName} to accept the invitation.`}
        </Caption1>
      )}
      {schedule.proposal && (
        <MessageBar intent="info">
          <MessageBarBody>
            {mentor.displayName} proposes moving to {formatWeekdayTime(schedule.proposal, me.zone, locale)} your time ({formatWeekdayTime(schedule.proposal, mentor.zone, locale)} for
            them).{' '}
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void move(schedule.proposal!, booking.zone)}>
              Agree and move the series
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <ChatTabNote outcome={chatTab} tabName={tabName} />
      <ErrorBar error={error} />
      <div className={styles.row}>
        <Link href={booking.workspace} target="_blank" rel="noreferrer">
          Open the pair workspace
        </Link>
        <Button disabled={busy || !series || series === 'none'} onClick={() => setMode(mode === 'reschedule' ? 'view' : 'reschedule')}>
          Reschedule
        </Button>
        <Button disabled={busy || !series || series === 'none'} onClick={() => void showNext()}>
          Skip a session
        </Button>
        <Button disabled={busy || !series || series === 'none'} onClick={() => setMode(mode === 'end' ? 'view' : 'end')}>
          End the pairing
        </Button>
      </div>
      {busy && <Spinner size="tiny" label="Updating your sessions…" />}
      {mode === 'end' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            End your pairing with {mentor.displayName}? Future sessions are removed from both calendars; past sessions and your pair workspace stay.{' '}
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void end()}>
              Yes, end the pairing
            </Button>{' '}
            <Button size="small" onClick={() => setMode('view')}>
              Keep it
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {mode === 'reschedule' && (
        <SlotPicker organiser={me} partner={mentor} viewer="organiser" cadence={cadence} actionLabel="Move to" busy={busy} onChoose={(start, zone) => void move(start, zone)} />
      )}
      {mode === 'skip' && next && (
        <ul className={styles.list} aria-label="Next sessions">
          {next.length === 0 && <Body1>No sessions in the next ten weeks.</Body1>}
          {next.slice(0, 5).map((o) => (
            <li key={o.id} className={styles.row}>
              <Body1>
                {formatDate(o.start, me.zone, locale)}, {formatWeekdayTime(o.start, me.zone, locale)}
              </Body1>
              <Button size="small" disabled={busy} onClick={() => void skip(o.id)} aria-label={`Skip the session on ${formatDate(o.start, me.zone, locale)}`}>
                Skip
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The reverse mentor's side: suggest a time, accept or decline the invitation, propose a new time. */
function MentorSessions({ me, executive, cadence }: { me: PairPerson; executive: PairPerson; cadence: Cadence }) {
  const styles = useStyles();
  const { graph, host } = useServices();
  const { me: profile, profiles, updateMyProfile } = useProgramme();
  const locale = host.context.locale;
  const { busy, error, run } = useAction();
  const [copy, setCopy] = useState<{ id: string; response: string } | 'none' | undefined>();
  const [proposing, setProposing] = useState(false);
  const executiveProfile = profiles.list.find((p) => p.personId === executive.id);
  const schedule = pairScheduleOf(executive.id, me.id, executiveProfile?.bookings, profile?.proposals, new Date().toISOString());
  const myProposal = profile?.proposals?.find((p) => p.with === executive.id);
  const uid = schedule.kind === 'booked' ? schedule.booking.uid : undefined;

  useEffect(() => {
    if (!uid) return;
    let current = true;
    void (async () => {
      try {
        const found = await findMyCopy(await graph(), uid);
        if (current) setCopy(found ?? 'none');
      } catch {
        if (current) setCopy(undefined);
      }
    })();
    return () => {
      current = false;
    };
  }, [uid, graph]);

  const propose = (start: string) =>
    run(async () => {
      await updateMyProfile({ proposals: withEntry(profile?.proposals, executive.id, { with: executive.id, start }) });
      setProposing(false);
    });

  const respond = (accept: boolean) =>
    run(async () => {
      if (!copy || copy === 'none') return;
      await respondToSeries(await graph(), copy.id, accept, accept ? undefined : 'I cannot make this time; I will propose another in the app.');
      setCopy({ ...copy, response: accept ? 'accepted' : 'declined' });
      if (!accept) setProposing(true);
    });

  const picker = (
    <SlotPicker organiser={executive} partner={me} viewer="partner" cadence={cadence} actionLabel="Propose" busy={busy} onChoose={(start) => void propose(start)} />
  );

  if (schedule.kind === 'ended') return <Body1>Your pairing with {executive.displayName} has ended. Thank you for mentoring.</Body1>;
  if (schedule.kind === 'unbooked') {
    return (
      <>
        <Body1>
          {executive.displayName} books your sessions. Suggest a time that suits you both; they see it in the app and can book it.
        </Body1>
        {myProposal && Date.parse(myProposal.start) > Date.now() && (
          <Caption1 role="status">You suggested {formatWeekdayTime(myProposal.start, me.zone, locale)} your time.</Caption1>
        )}
        <ErrorBar error={error} />
        {picker}
      </>
    );
  }
  const response = copy && copy !== 'none' ? copy.response : undefined;
  return (
    <>
      <SeriesSummary booking={schedule.booking} me={me} other={executive} />
      {schedule.proposal && <Caption1 role="status">You proposed {formatWeekdayTime(schedule.proposal, me.zone, locale)} your time; waiting for {executive.displayName}.</Caption1>}
      <ErrorBar error={error} />
      <div className={styles.row}>
        {response && response !== 'accepted' && (
          <>
            <Button appearance="primary" disabled={busy} onClick={() => void respond(true)}>
              Accept the invitation
            </Button>
            <Button disabled={busy || response === 'declined'} onClick={() => void respond(false)}>
              Decline
            </Button>
          </>
        )}
        {response === 'accepted' && <Caption1>You accepted the invitation.</Caption1>}
        <Link href={schedule.booking.workspace} target="_blank" rel="noreferrer">
          Open the pair workspace
        </Link>
        <Button disabled={busy} onClick={() => setProposing(!proposing)}>
          Propose another time
        </Button>
      </div>
      {proposing && picker}
    </>
  );
}

/** The sessions of each of the signed-in person's pairs: booking them, and everything after. */
export function BookingCard() {
  const { user, config } = useServices();
  const { me, people, profiles } = useProgramme();
  if (!me || profiles.status !== 'ready') return null;
  const cadence: Cadence = {
    everyWeeks: config.programme.cadenceWeeks,
    minutes: config.programme.sessionMinutes,
    weeks: Math.round((config.programme.durationMonths * 52) / 12),
  };
  const profileOf = (id: string) => profiles.list.find((p) => p.personId === id);
  const personOf = (id: string): PairPerson | undefined => {
    const person = people.get(id);
    const zone = profileOf(id)?.timeZone;
    // Graph finds a mailbox by its SMTP address (mail); the user principal name only where there is no mail.
    const address = person ? mailboxAddressOf(person) : undefined;
    return address && zone ? { id, displayName: person!.displayName, address, zone } : undefined;
  };
  const self = personOf(user.id);
  if (!self) return null;

  const pairs: { key: string; title: string; body: ReactNode }[] = [];
  const request = me.mentee ? requestStateOf(user.id, me.asked, me.asked ? profileOf(me.asked) : undefined) : undefined;
  const mentor = request?.kind === 'accepted' ? personOf(request.mentorId) : undefined;
  if (mentor) pairs.push({ key: mentor.id, title: `Your sessions with ${mentor.displayName}`, body: <ExecutiveSessions me={self} mentor={mentor} cadence={cadence} /> });
  for (const executiveId of me.accepted ?? []) {
    const executive = personOf(executiveId);
    if (executive) pairs.push({ key: executive.id, title: `Your sessions with ${executive.displayName}`, body: <MentorSessions me={self} executive={executive} cadence={cadence} /> });
  }
  return (
    <>
      {pairs.map((pair) => (
        <SectionCard key={pair.key} title={pair.title} wide>
          {pair.body}
        </SectionCard>
      ))}
    </>
  );
}
