import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';
import { useProgrammeSettings } from '@/context/use-programme-settings';
import { bookingPairsOf, cadenceOf } from '@/application/booking/booking-pairs';
import type { BookingPorts, Cadence, PairPerson } from '@/application/booking/booking-ports';
import { findPairSlots, typedStart, type PairSlots } from '@/application/booking/pair-slots';
import { acceptOwnTime, answerInvitation, declineToLeave, findInvitation, mentorSchedule, mentorUpcomingSessions, proposeTime, type Invitation } from '@/application/booking/mentor-booking';
import { answerRequest, requestsWaitingFor } from '@/application/programme/requests';
import type { PairSchedule } from '@/domain/booking/pair-schedule';
import { lastSessionDay, roundOfSeries } from '@/domain/programme/round-series';
import { roundOn } from '@/domain/programme/rounds';
import {
  bookPairing,
  endPairing,
  endWithRound,
  executiveSchedule,
  findPairSeries,
  moveSeries,
  skipSession,
  upcomingSessions,
  type BookingApp,
  type PairSeries,
  type Session,
} from '@/application/booking/pair-booking';
import type { ChatTabOutcome } from '@/services/booking/booking-service';
import { describeError } from './booking-format';

/** The surface's clock: the one place booking reads the time. */
const systemClock = () => new Date();

/**
 * Told when this surface changes a series (booked, moved, a session skipped, ended, the invitation
 * answered), so home's next session reads the calendar again.
 */
const seriesChanges = new EventTarget();
const seriesChanged = () => seriesChanges.dispatchEvent(new Event('change'));

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

/** The booking use cases' ports on this surface: its Graph, the clock, the signed-in person's profile, and telling the partner in Teams. */
function usePorts(): BookingPorts {
  const { graph } = useServices();
  const { me, updateMyProfile, notifier } = useProgramme();
  return useMemo(() => ({ graph, now: systemClock, records: { current: () => me, save: updateMyProfile }, notifier }), [graph, me, updateMyProfile, notifier]);
}

/** The signed-in person's pairs to show sessions for, at the programme's rhythm; undefined until the profiles are in. */
export function useBookingPairs() {
  const { user } = useServices();
  const { me, people, profiles, now } = useProgramme();
  const { cadenceWeeks, sessionMinutes, durationMonths } = useProgrammeSettings().rules;
  // One object while the rhythm stays, so slot searches keyed on the cadence do not run again.
  const cadence = useMemo(() => cadenceOf({ cadenceWeeks, sessionMinutes, durationMonths }), [cadenceWeeks, sessionMinutes, durationMonths]);
  if (!me || profiles.status !== 'ready') return undefined;
  const pairs = bookingPairsOf(user.id, me, profiles.list, people, now());
  return pairs && { ...pairs, cadence };
}

/** What the executive's card shows and does: the pair's schedule and series, and the actions on them. */
export function useExecutiveBooking({ me, mentor, cadence, app }: { me: PairPerson; mentor: PairPerson; cadence: Cadence; app: BookingApp }) {
  const { config } = useServices();
  const { rules } = useProgrammeSettings();
  const { profiles } = useProgramme();
  const ports = usePorts();
  const { busy, error, run } = useAction();
  const [chatTab, setChatTab] = useState<ChatTabOutcome | undefined>();
  const [series, setSeries] = useState<PairSeries | undefined>();
  const [mode, setMode] = useState<'view' | 'reschedule' | 'skip' | 'end'>('view');
  const [next, setNext] = useState<Session[] | undefined>();
  // The start of the session skipped last, for the card to say so.
  const [skipped, setSkipped] = useState<string | undefined>();
  const mentorProfile = profiles.list.find((p) => p.personId === mentor.id);
  const pair = { me, mentor, cadence };
  const schedule = executiveSchedule(ports, pair, mentorProfile?.proposals);
  const booked = schedule.kind === 'booked' ? schedule.booking : undefined;
  // The round a series belongs to (the one it began in, or the one running now): it ends with it.
  const today = ports.now().toISOString().slice(0, 10);
  const round = (booked && roundOfSeries(rules.rounds, booked)) ?? roundOn(rules.rounds, today);
  const lastDay = booked && lastSessionDay(booked);
  /** The round this series runs past the end of, if it does (booked before the round was set). */
  const outlasts = round && lastDay && lastDay > round.end ? round : undefined;

  // The series as the calendar has it: the partner's reply, and its id for changes.
  const { graph, records } = ports;
  const { id: meId } = me;
  const { id: mentorId, address: mentorAddress } = mentor;
  useEffect(() => {
    if (!booked) return;
    let current = true;
    void (async () => {
      try {
        const found = await findPairSeries({ graph, records }, { me: { id: meId }, mentor: { id: mentorId, address: mentorAddress } }, booked);
        if (current) setSeries(found);
      } catch {
        if (current) setSeries(undefined);
      }
    })();
    return () => {
      current = false;
    };
  }, [booked, graph, records, meId, mentorId, mentorAddress]);

  const book = (start: string, zone: string) =>
    run(async () => {
      const result = await bookPairing(ports, {
        pair,
        start,
        zone,
        programme: { name: config.programme.name, codeOfConduct: rules.codeOfConduct },
        app,
        roundEnd: roundOn(rules.rounds, today)?.end,
      });
      setChatTab(result.chatTab);
      setSeries(result.series);
      seriesChanged();
    });

  const move = (start: string, zone: string) =>
    run(async () => {
      if (!booked) throw new Error('The series was not found in your calendar.');
      setSeries(await moveSeries(ports, pair, booked, series, start, zone));
      setMode('view');
      seriesChanged();
    });

  const showNext = () =>
    run(async () => {
      if (!series || series === 'none') return;
      setNext(await upcomingSessions(ports, series));
      setMode('skip');
    });

  /** Skips a session in both calendars; then `after` (recording the skip for the programme's counts). */
  const skip = (sessionId: string, after: () => Promise<unknown>) =>
    run(async () => {
      await skipSession(ports, pair, sessionId);
      await after();
      setSkipped(next?.find((o) => o.id === sessionId)?.start);
      setNext((list) => list?.filter((o) => o.id !== sessionId));
      seriesChanged();
    });

  /** Ends the pairing; then `after` (recording it for the owners), once it has ended. */
  const end = (after: () => Promise<void>) =>
    run(async () => {
      if (!booked) throw new Error('The series was not found in your calendar.');
      await endPairing(ports, pair, booked, series);
      await after();
    });

  /** Ends the series with its round (sessions after its last day go). */
  const endRound = () =>
    run(async () => {
      if (!booked || !outlasts) return;
      await endWithRound(ports, pair, booked, series, outlasts.end);
      seriesChanged();
    });

  return { schedule, series, chatTab, mode, setMode, next, skipped, busy, error, book, move, showNext, skip, end, outlasts, endRound };
}

/** What the mentor's card shows and does: the pair's schedule, their invitation, and their answers. */
export function useMentorBooking({ me, executive }: { me: PairPerson; executive: PairPerson }) {
  const { profiles, me: mine, keepMyProfile, now, participation } = useProgramme();
  const ports = usePorts();
  const { busy, error, run } = useAction();
  const [invitation, setInvitation] = useState<Invitation | undefined>();
  // Whether the series is at the time this mentor proposed: the executive agreed to it.
  const [agreed, setAgreed] = useState(false);
  const [proposing, setProposing] = useState(false);
  const executiveProfile = profiles.list.find((p) => p.personId === executive.id);
  const { schedule, suggested } = mentorSchedule(ports, { me, executive }, executiveProfile?.bookings);
  const uid = schedule.kind === 'booked' ? schedule.booking.uid : undefined;
  const start = schedule.kind === 'booked' ? schedule.booking.start : undefined;

  const { graph, records } = ports;
  const { id: executiveId } = executive;
  useEffect(() => {
    if (!uid || !start) return;
    let current = true;
    void (async () => {
      try {
        const found = await findInvitation({ graph }, uid);
        // The executive agreed to the mentor's own time: accepted for them, not asked again.
        const settled = await acceptOwnTime({ graph, records }, { executive: { id: executiveId } }, { start }, found);
        if (!current) return;
        setInvitation(settled.invitation);
        setAgreed(settled.agreed);
        if (settled.invitation !== found) seriesChanged();
      } catch {
        if (current) setInvitation(undefined);
      }
    })();
    return () => {
      current = false;
    };
  }, [uid, start, graph, records, executiveId]);

  const propose = (start: string) =>
    run(async () => {
      await proposeTime(ports, { me, executive }, start);
      setProposing(false);
    });

  const respond = (accept: boolean) =>
    run(async () => {
      if (!invitation || invitation === 'none') return;
      setInvitation(await answerInvitation(ports, invitation, accept));
      if (!accept) setProposing(true);
      seriesChanged();
    });

  // Whether this leaving's record for the owners is saved: trying again does not record it twice.
  const leaveRecorded = useRef(false);
  /**
   * Leaves the pairing: `record` (the ending, for the owners; its failure stops here, with nothing
   * done), the series declined, then the answer to the executive withdrawn, which takes the card away
   * (no Teams notice: their calendar hears the decline, with why). Each step done is not done again.
   */
  const leave = (record: () => Promise<string | undefined>) =>
    run(async () => {
      if (!leaveRecorded.current) {
        const problem = await record();
        if (problem) throw new Error(`${problem} You have not left the pairing; try again.`);
        leaveRecorded.current = true;
      }
      // The copy as found, or found now (its lookup may have failed or not be done yet).
      const copy = invitation ?? (schedule.kind === 'booked' ? await findInvitation({ graph }, schedule.booking.uid) : undefined);
      if (copy) setInvitation(await declineToLeave(ports, copy));
      keepMyProfile(await answerRequest(await graph(), mine, executive.id, false, { profiles: profiles.list, now: now(), ...(participation ? { participation } : {}) }));
      seriesChanged();
    });

  return { schedule, suggested, invitation, agreed, proposing, setProposing, busy, error, propose, respond, leave };
}

/** The suggested slots as they load: loading, failed with a message a person can act on, or ready. */
export type LoadedSlots = { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | ({ readonly status: 'ready' } & PairSlots);

/** The slot picker's times for a pair: the suggestions from both calendars, a retry, and a typed time read against the clock. */
export function usePairSlots({ organiser, partner, cadence }: { organiser: PairPerson; partner: PairPerson; cadence: Cadence }) {
  const { graph } = useServices();
  const [loaded, setLoaded] = useState<LoadedSlots>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoaded({ status: 'loading' });
    void (async () => {
      try {
        const found = await findPairSlots({ graph, now: systemClock }, organiser, partner, cadence);
        if (current) setLoaded({ status: 'ready', ...found });
      } catch (error) {
        if (current) setLoaded({ status: 'failed', message: describeError(error) });
      }
    })();
    return () => {
      current = false;
    };
  }, [graph, organiser, partner, cadence, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  /** A typed wall-clock time in `zone` as a UTC start, or undefined unless it is in the future. */
  const startAt = (local: string, zone: string) => typedStart({ now: systemClock }, local, zone);
  return { loaded, retry, startAt };
}

/** One of the signed-in person's pairs as home shows it: the partner, which side they are on, and where the pair stands. */
export interface Pairing {
  readonly partner: PairPerson;
  /** The partner's side: the reverse mentor the signed-in executive books with, or an executive they mentor. */
  readonly partnerIs: 'mentor' | 'executive';
  readonly schedule: PairSchedule;
}

/**
 * Home's "your pairing": the signed-in person, their pairs that have not ended (the reverse mentor
 * they book with, the executives they mentor) and the requests waiting for their answer; undefined
 * until the profiles are in.
 */
export function useMyPairing() {
  const booking = useBookingPairs();
  const { me, profiles, now } = useProgramme();
  const ports = usePorts();
  if (!booking) return undefined;
  const { self, mentor, executives } = booking;
  const pairings: Pairing[] = [];
  if (mentor) {
    const proposals = profiles.list.find((p) => p.personId === mentor.id)?.proposals;
    pairings.push({ partner: mentor, partnerIs: 'mentor', schedule: executiveSchedule(ports, { me: self, mentor, cadence: booking.cadence }, proposals) });
  }
  for (const executive of executives) {
    const bookings = profiles.list.find((p) => p.personId === executive.id)?.bookings;
    pairings.push({ partner: executive, partnerIs: 'executive', schedule: mentorSchedule(ports, { me: self, executive }, bookings).schedule });
  }
  return {
    self,
    pairings: pairings.filter((p) => p.schedule.kind !== 'ended'),
    requests: requestsWaitingFor(me, profiles.list, now()),
  };
}

/** The next session of a booked pair as this person's calendar has it, with the Teams join link and the partner's or my reply. */
export interface NextSession {
  /** The next session's UTC start; undefined when there is none in the next weeks. */
  readonly start: string | undefined;
  readonly joinUrl: string | undefined;
  /** The executive's view: the mentor's reply; the mentor's view: their own. Undefined when the series is not in the calendar. */
  readonly response: string | undefined;
}

/** The next session of one booked pair, from the calendar (the executive's series, or the mentor's copy of it); undefined while it is read. */
export function useNextSession({ me, pairing }: { me: PairPerson; pairing: Pairing }): NextSession | 'failed' | undefined {
  const { graph } = useServices();
  const [found, setFound] = useState<NextSession | 'failed' | undefined>();
  const uid = pairing.schedule.kind === 'booked' ? pairing.schedule.booking.uid : undefined;
  const { partnerIs } = pairing;
  const { id: partnerId, address: partnerAddress } = pairing.partner;
  const { id: meId } = me;
  // Read again whenever this surface changes a series.
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const bump = () => setChanges((n) => n + 1);
    seriesChanges.addEventListener('change', bump);
    return () => seriesChanges.removeEventListener('change', bump);
  }, []);
  useEffect(() => {
    if (!uid) return;
    let current = true;
    void (async () => {
      const ports = { graph, now: systemClock };
      try {
        if (partnerIs === 'mentor') {
          const series = await findPairSeries(ports, { me: { id: meId }, mentor: { id: partnerId, address: partnerAddress } });
          const sessions = series === 'none' ? [] : await upcomingSessions(ports, series);
          if (current)
            setFound(
              series === 'none' ? { start: undefined, joinUrl: undefined, response: undefined } : { start: sessions[0]?.start, joinUrl: series.joinUrl, response: series.partnerResponse },
            );
        } else {
          const invitation = await findInvitation(ports, uid);
          const sessions = await mentorUpcomingSessions(ports, invitation);
          if (current)
            setFound(
              invitation === 'none'
                ? { start: undefined, joinUrl: undefined, response: undefined }
                : { start: sessions[0]?.start, joinUrl: invitation.joinUrl, response: invitation.response },
            );
        }
      } catch {
        if (current) setFound('failed');
      }
    })();
    return () => {
      current = false;
    };
  }, [uid, graph, partnerIs, partnerId, partnerAddress, meId, changes]);
  return uid ? found : undefined;
}
