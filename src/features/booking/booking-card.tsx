import { Body1, Button, Caption1, Field, Link, makeStyles, MessageBar, MessageBarBody, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { MAX_CHECK_IN_NOTE, pairSessions } from '@/domain/health/health';
import { DateTime } from 'luxon';
import { useMemo, useState, type ReactNode } from 'react';
import { useProgramme } from '@/context/programme-context';
import { PersonAvatar } from '@/components/person-avatar';
import { describeDuration } from '@/components/programme-summary';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { useProgrammeSettings } from '@/context/use-programme-settings';
import type { Cadence, PairPerson } from '@/application/booking/booking-ports';
import { sessionOn, type BookingRecord } from '@/domain/booking/pair-schedule';
import type { ChatTabOutcome } from '@/services/booking/booking-service';
import { formatDate, formatWeekdayTime } from './booking-format';
import { AfterSessions } from './check-in-panel';
import { useCheckIns, type SessionRecordsPort } from './use-check-ins';
import { SlotPicker } from './slot-picker';
import { useBookingPairs, useExecutiveBooking, useMentorBooking } from './use-pair-booking';
import { workspacePage } from './workspace-page';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  ending: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
});

function ErrorBar({ error }: { error: string | undefined }) {
  return error ? (
    <MessageBar intent="error">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  ) : null;
}

/**
 * A link to the pair workspace as the app shows it (goals, code of conduct, past sessions and
 * reviews), never its JSON file; a booking made before it recorded where the file is has no link.
 */
function WorkspaceLink({ booking, children }: { booking: BookingRecord; children: ReactNode }) {
  const { teamsApp } = useServices();
  if (!booking.ref) return <>{children}</>;
  return (
    <Link href={workspacePage(teamsApp.origin, booking.ref)} target="_blank" rel="noreferrer">
      {children}
    </Link>
  );
}

/** The last day of a series as booked: its start plus its weeks, less the last one. */
const lastDayOf = (booking: BookingRecord) =>
  DateTime.fromISO(booking.start)
    .plus({ weeks: booking.weeks - 1 })
    .toISO()!;

/** "Every 2 weeks on Wednesday 16:45 your time (09:45 for Diego), 2 Dec 2026 – 26 May 2027." */
function SeriesSummary({ booking, me, other, nextStart }: { booking: BookingRecord; me: PairPerson; other: PairPerson; nextStart?: string | undefined }) {
  const { host } = useServices();
  const locale = host.context.locale;
  const last = lastDayOf(booking);
  return (
    <Body1>
      Every {booking.everyWeeks === 1 ? 'week' : `${booking.everyWeeks} weeks`} on <strong>{formatWeekdayTime(booking.start, me.zone, locale)}</strong> your time (
      {formatWeekdayTime(booking.start, other.zone, locale)} for {other.displayName}), {booking.minutes} minutes, {formatDate(booking.start, me.zone, locale)} to{' '}
      {formatDate(booking.ended ?? last, me.zone, locale)}.{nextStart && ` Next session: ${formatDate(nextStart, me.zone, locale)}.`}
    </Body1>
  );
}

/**
 * Asking once before a pairing ends early, with an optional reason for the programme owners
 * (counted as typed; over the limit it cannot be sent): the executive's "End the pairing" and the
 * reverse mentor's "Leave the pairing".
 */
function LeaveConfirmation(props: {
  readonly partner: PairPerson;
  readonly what: string;
  readonly consequence: string;
  readonly confirm: string;
  readonly busy: boolean;
  readonly onConfirm: (reason: string) => void;
  readonly onCancel: () => void;
}) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const tooLong = reason.trim().length > MAX_CHECK_IN_NOTE;
  const { partner } = props;
  return (
    <div className={styles.ending} role="group" aria-label={`${props.what} with ${partner.displayName}?`}>
      <Body1>
        <strong>
          {props.what} with {partner.displayName}?
        </strong>{' '}
        {props.consequence}
      </Body1>
      <Field
        label="Why, for the programme owners (optional)"
        hint={`${reason.trim().length} / ${MAX_CHECK_IN_NOTE} characters. Only the programme owners read it; ${partner.displayName} does not.`}
        validationState={tooLong ? 'error' : 'none'}
        validationMessage={tooLong ? `Shorten it to ${MAX_CHECK_IN_NOTE} characters to go on.` : null}
      >
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button size="small" appearance="primary" disabled={props.busy || tooLong} onClick={() => props.onConfirm(reason)}>
          {props.confirm}
        </Button>
        <Button size="small" onClick={props.onCancel}>
          Keep it
        </Button>
      </div>
    </div>
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
function ExecutiveSessions({ me, mentor, left, cadence, records }: { me: PairPerson; mentor: PairPerson; left: boolean; cadence: Cadence; records: SessionRecordsPort }) {
  const styles = useStyles();
  const { host, teamsApp } = useServices();
  const { rules } = useProgrammeSettings();
  const { me: profile, now } = useProgramme();
  const locale = host.context.locale;
  const tabName = 'Pair workspace';
  const app = useMemo(() => ({ ...teamsApp, tabName }), [teamsApp]);
  const { schedule, series, chatTab, mode, setMode, next, skipped, busy, error, book, move, showNext, skip, end, outlasts, endRound } = useExecutiveBooking({ me, mentor, cadence, app });
  // Said when the pairing ended but its record for the owners could not be saved.
  const [endNote, setEndNote] = useState<string | undefined>();
  // Said when a session was skipped but the programme's counts could not hear it.
  const [skipNote, setSkipNote] = useState<string | undefined>();
  // A skipped session is cancelled in both calendars and cannot be brought back: the Skip button asks first.
  const [toSkip, setToSkip] = useState<{ id: string; start: string } | undefined>();

  if (schedule.kind === 'ended') {
    return (
      <>
        {endNote && <Caption1 role="status">{endNote}</Caption1>}
        <Body1>
          Your pairing with {mentor.displayName} ended on {formatDate(schedule.booking.ended ? `${schedule.booking.ended}T12:00:00Z` : lastDayOf(schedule.booking), me.zone, locale)}. Your{' '}
          <WorkspaceLink booking={schedule.booking}>pair workspace</WorkspaceLink> and past sessions stay in your OneDrive and calendar.
        </Body1>
        <AfterSessions booking={schedule.booking} me={me} partner={mentor} records={records} />
      </>
    );
  }

  if (schedule.kind === 'unbooked') {
    return (
      <>
        <Body1>
          Pick a recurring time: every {cadence.everyWeeks === 1 ? 'week' : `${cadence.everyWeeks} weeks`}, {cadence.minutes} minutes, for {describeDuration(rules)}. It goes into both
          calendars as a Teams meeting, with a private workspace for the two of you.
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
  // What the executive recorded says whether the pair has stalled: the card offers a new time (the owners' reminder opens it here too).
  const ownRecords = records.mine?.checkIns.filter((c) => c.with === mentor.id);
  const risk = ownRecords && pairSessions({ executiveId: me.id, mentorId: mentor.id, ...booking }, ownRecords, now()).risk;
  return (
    <>
      <SeriesSummary booking={booking} me={me} other={mentor} nextStart={skipped ? next?.[0]?.start : undefined} />
      {outlasts && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Your sessions run past the end of {outlasts.name} on {formatDate(`${outlasts.end}T12:00:00Z`, me.zone, locale)}. Pairs end with their round: sessions after that day leave both
            calendars; past sessions and your pair workspace stay.{' '}
            <Button size="small" appearance="primary" disabled={busy || !series} onClick={() => void endRound()}>
              End them with the round
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {risk && mode === 'view' && !left && series && series !== 'none' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {risk === 'executive cancelled'
              ? `You cancelled your last two sessions with ${mentor.displayName}. A time that suits you better keeps the pairing going.`
              : `No session with ${mentor.displayName} has been recorded for a while. If you have not met, a new time that suits you both gets you going again.`}{' '}
            <Button size="small" appearance="primary" disabled={busy} onClick={() => setMode('reschedule')}>
              Pick a new time
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {skipped && <Caption1 role="status">You skipped the session on {formatDate(skipped, me.zone, locale)}; it is cancelled in both calendars.</Caption1>}
      {skipNote && <Caption1 role="status">{skipNote}</Caption1>}
      {series === 'none' && (
        <MessageBar intent="warning">
          <MessageBarBody>The series is no longer in your calendar. Book it again below.</MessageBarBody>
        </MessageBar>
      )}
      {left ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {mentor.displayName} has left the pairing. <strong>End the pairing</strong> to take the remaining sessions out of your calendar; then you can ask someone new.
          </MessageBarBody>
        </MessageBar>
      ) : response === 'declined' ? (
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
            {mentor.displayName} proposes moving to {formatWeekdayTime(schedule.proposal, me.zone, locale)} your time ({formatWeekdayTime(schedule.proposal, mentor.zone, locale)} for them).{' '}
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void move(schedule.proposal!, booking.zone)}>
              Agree and move the series
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <ChatTabNote outcome={chatTab} tabName={tabName} />
      <ErrorBar error={error} />
      <div className={styles.row}>
        {booking.ref && <WorkspaceLink booking={booking}>Open the pair workspace</WorkspaceLink>}
        <Button disabled={busy || !series || series === 'none'} onClick={() => setMode(mode === 'reschedule' ? 'view' : 'reschedule')}>
          Reschedule
        </Button>
        <Button disabled={busy || !series || series === 'none'} onClick={() => void showNext()}>
          Skip a session
        </Button>
        <Button disabled={busy || !series} onClick={() => setMode(mode === 'end' ? 'view' : 'end')}>
          End the pairing
        </Button>
      </div>
      {busy && <Spinner size="tiny" label="Updating your sessions…" />}
      {mode === 'end' && (
        <LeaveConfirmation
          partner={mentor}
          what="End your pairing"
          consequence="Future sessions are removed from both calendars; past sessions and your pair workspace stay."
          confirm="Yes, end the pairing"
          busy={busy}
          onCancel={() => setMode('view')}
          onConfirm={(reason) =>
            void end(async () => {
              if (await records.record({ ending: { with: mentor.id, reason } })) setEndNote('Your pairing ended. Your reason could not be passed to the programme owners just now.');
            })
          }
        />
      )}
      {mode === 'reschedule' && (
        <SlotPicker organiser={me} partner={mentor} viewer="organiser" cadence={cadence} actionLabel="Move to" busy={busy} onChoose={(start, zone) => void move(start, zone)} />
      )}
      {mode === 'view' && <AfterSessions booking={booking} me={me} partner={mentor} records={records} />}
      {mode === 'skip' && next && (
        <ul className={styles.list} aria-label="Next sessions">
          {next.length === 0 && <Body1>No sessions in the next ten weeks.</Body1>}
          {next.slice(0, 5).map((o) => (
            <li key={o.id} className={styles.row}>
              <Body1>
                {formatDate(o.start, me.zone, locale)}, {formatWeekdayTime(o.start, me.zone, locale)}
              </Body1>
              <Button size="small" disabled={busy} onClick={() => setToSkip(o)} aria-label={`Skip the session on ${formatDate(o.start, me.zone, locale)}`}>
                Skip
              </Button>
            </li>
          ))}
        </ul>
      )}
      {mode === 'skip' && toSkip && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Skip the session on {formatDate(toSkip.start, me.zone, locale)}? It is cancelled in both calendars and cannot be brought back.{' '}
            <Button
              size="small"
              appearance="primary"
              disabled={busy}
              onClick={() => {
                setToSkip(undefined);
                // The calendar says this session will not take place: the programme's counts hear it (counts and dates only).
                const session = sessionOn(booking, toSkip.start.slice(0, 10));
                void skip(toSkip.id, async () => {
                  const problem = await records.record({ checkIn: { with: mentor.id, session, outcome: 'skipped' } });
                  setSkipNote(problem && 'It could not be counted for the programme just now: check in for it as skipped once it is due.');
                });
              }}
            >
              Yes, skip it
            </Button>{' '}
            <Button size="small" onClick={() => setToSkip(undefined)}>
              Keep it
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** The reverse mentor's side: suggest a time, accept or decline the invitation, propose a new time. */
function MentorSessions({ me, executive, cadence, records }: { me: PairPerson; executive: PairPerson; cadence: Cadence; records: SessionRecordsPort }) {
  const styles = useStyles();
  const { host } = useServices();
  const locale = host.context.locale;
  const { schedule, suggested, invitation: copy, agreed, proposing, setProposing, busy, error, propose, respond, leave } = useMentorBooking({ me, executive });
  const [leaving, setLeaving] = useState(false);
  const leaveButton = (
    <Button disabled={busy} onClick={() => setLeaving(!leaving)}>
      Leave the pairing
    </Button>
  );
  const confirmLeaving = leaving && (
    <LeaveConfirmation
      partner={executive}
      what="Leave your pairing"
      consequence={`The sessions leave your calendar, and ${executive.displayName} is asked to end the series; past sessions and your pair workspace stay, and your place is free for someone else.`}
      confirm="Yes, leave the pairing"
      busy={busy}
      onCancel={() => setLeaving(false)}
      onConfirm={(reason) => void leave(() => records.record({ ending: { with: executive.id, reason } }))}
    />
  );

  const picker = <SlotPicker organiser={executive} partner={me} viewer="partner" cadence={cadence} actionLabel="Propose" busy={busy} onChoose={(start) => void propose(start)} />;

  if (schedule.kind === 'ended') {
    return (
      <>
        <Body1>Your pairing with {executive.displayName} has ended. Thank you for mentoring.</Body1>
        <AfterSessions booking={schedule.booking} me={me} partner={executive} records={records} />
      </>
    );
  }
  if (schedule.kind === 'unbooked') {
    return (
      <>
        <Body1>{executive.displayName} books your sessions. Suggest a time that suits you both; they see it in the app and can book it.</Body1>
        {suggested && <Caption1 role="status">You suggested {formatWeekdayTime(suggested, me.zone, locale)} your time.</Caption1>}
        <ErrorBar error={error} />
        {picker}
        <div className={styles.row}>{leaveButton}</div>
        {confirmLeaving}
      </>
    );
  }
  const response = copy && copy !== 'none' ? copy.response : undefined;
  return (
    <>
      <SeriesSummary booking={schedule.booking} me={me} other={executive} />
      {schedule.proposal && (
        <Caption1 role="status">
          You proposed {formatWeekdayTime(schedule.proposal, me.zone, locale)} your time; waiting for {executive.displayName}.
        </Caption1>
      )}
      <ErrorBar error={error} />
      <div className={styles.row}>
        {response && response !== 'accepted' && (
          <Button appearance="primary" disabled={busy} onClick={() => void respond(true)}>
            Accept the invitation
          </Button>
        )}
        {/* An accepted invitation (also one accepted for them at their own time) can still be declined, as in Teams. */}
        {response && (
          <Button disabled={busy || response === 'declined'} onClick={() => void respond(false)}>
            Decline
          </Button>
        )}
        {response === 'accepted' && (
          <Caption1>{agreed ? `${executive.displayName} agreed to the time you proposed; it is accepted in your calendar.` : 'You accepted the invitation.'}</Caption1>
        )}
        {schedule.booking.ref && <WorkspaceLink booking={schedule.booking}>Open the pair workspace</WorkspaceLink>}
        <Button disabled={busy} onClick={() => setProposing(!proposing)}>
          Propose another time
        </Button>
        {leaveButton}
      </div>
      {confirmLeaving}
      {proposing && picker}
      {!proposing && <AfterSessions booking={schedule.booking} me={me} partner={executive} records={records} />}
    </>
  );
}

/** The sessions of each of the signed-in person's pairs: booking them, and everything after. */
export function BookingCard() {
  const booking = useBookingPairs();
  // What the person recorded about their pairings, read once for all of them.
  const records = useCheckIns();
  if (!booking) return null;
  const { self, mentor, mentorLeft, executives, cadence } = booking;
  const pairs: { key: string; partner: PairPerson; title: string; body: ReactNode }[] = [];
  if (mentor)
    pairs.push({
      key: mentor.id,
      partner: mentor,
      title: `Your sessions with ${mentor.displayName}`,
      body: <ExecutiveSessions me={self} mentor={mentor} left={mentorLeft === true} cadence={cadence} records={records} />,
    });
  for (const executive of executives) {
    pairs.push({
      key: executive.id,
      partner: executive,
      title: `Your sessions with ${executive.displayName}`,
      body: <MentorSessions me={self} executive={executive} cadence={cadence} records={records} />,
    });
  }
  return (
    <>
      {pairs.map((pair) => (
        <SectionCard key={pair.key} title={pair.title} wide place="booking">
          <PersonAvatar id={pair.partner.id} name={pair.partner.displayName} size={40} />
          {pair.body}
        </SectionCard>
      ))}
    </>
  );
}
