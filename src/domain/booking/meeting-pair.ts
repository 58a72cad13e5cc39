/**
 * Which pair a meeting surface belongs to. A person can be in several pairs (an executive with two
 * reverse mentors, a mentor with up to three executives), and every one of their meetings opens the
 * same tab: the surface shows the pair whose meeting it is, matched by the meeting itself or by the
 * tab's own link, and otherwise nothing of any pair. Pure: the caller gathers the identifiers.
 */
import type { BookingRecord } from './pair-schedule';

/**
 * What identifies a Teams meeting. The host gives the meeting chat's thread id (teams-js
 * `context.chat.id`, e.g. `19:meeting_…@thread.v2`); a series' event gives its join URL and iCalUId.
 */
export interface MeetingIdentity {
  readonly chatId?: string | undefined;
  readonly joinUrl?: string | undefined;
  readonly iCalUId?: string | undefined;
}

/** One pair this person is in, as a booking record names it, and its series' meeting where that was found. */
export interface KnownPair {
  readonly executiveId: string;
  readonly booking: BookingRecord;
  /** The meeting of the pair's series, as this person's calendar has it (absent when not looked up or not found). */
  readonly meeting?: MeetingIdentity | undefined;
}

/** What the tab itself says: the workspace ("driveId/itemId") booking put in the meeting chat tab's link. */
export interface TabLink {
  readonly workspace?: string | undefined;
}

/**
 * The pair a meeting surface shows, and whether the meeting or the tab's link told us; or why it
 * shows none.
 */
export type MeetingPair =
  | { readonly kind: 'pair'; readonly pair: KnownPair; readonly mentorId: string; readonly by: 'meeting' | 'link' }
  | {
      readonly kind: 'none';
      /**
       * `no-pairs`: the person is in no pair; `not-this-meeting`: none of their pairs is this meeting's;
       * `ambiguous`: more than one could be, or the meeting and the tab's link disagree.
       */
      readonly reason: 'no-pairs' | 'not-this-meeting' | 'ambiguous';
    };

/**
 * The meeting chat's thread id in a Teams join URL of the classic shape
 * `https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`; undefined for
 * other shapes (the shorter `…/meet/<id>?p=…` links do not carry it).
 */
export function chatIdOfJoinUrl(joinUrl: string | undefined): string | undefined {
  if (!joinUrl) return undefined;
  const segment = /\/meetup-join\/([^/?#]+)/i.exec(joinUrl)?.[1];
  if (!segment) return undefined;
  try {
    const decoded = decodeURIComponent(segment);
    return /^19:[^\s/]+@thread\.(v2|skype|tacv2)$/i.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

type Verdict = 'match' | 'differs' | 'unknown';

/** Whether a pair's series is this meeting: one identifier both sides know and agree on; any that both know and differ rules it out. */
function compare(meeting: MeetingIdentity, pair: KnownPair): Verdict {
  const theirs = {
    chatId: pair.meeting?.chatId ?? chatIdOfJoinUrl(pair.meeting?.joinUrl),
    joinUrl: pair.meeting?.joinUrl,
    iCalUId: pair.meeting?.iCalUId ?? pair.booking.uid,
  };
  const ours = { chatId: meeting.chatId ?? chatIdOfJoinUrl(meeting.joinUrl), joinUrl: meeting.joinUrl, iCalUId: meeting.iCalUId };
  let verdict: Verdict = 'unknown';
  for (const key of ['chatId', 'joinUrl', 'iCalUId'] as const) {
    const [a, b] = [ours[key], theirs[key]];
    if (!a || !b) continue;
    if (a !== b) return 'differs';
    verdict = 'match';
  }
  return verdict;
}

/**
 * The one pair whose meeting this is, for person `me`:
 * - only pairs `me` is in and that have not ended count, and an ended one named by the tab's own link
 *   (its workspace stays; its old meeting never opens it);
 * - a pair whose series is this meeting (chat id, join URL or iCalUId) matches;
 * - the tab's link matches the pair whose workspace it names, unless that pair's series is known to
 *   be another meeting;
 * - exactly one pair, with the meeting and the link not naming two different ones, or none at all.
 * The person's first or only pair is never a fallback: a meeting that names no pair shows none.
 */
export function resolveMeetingPair(me: string, meeting: MeetingIdentity, link: TabLink, known: readonly KnownPair[]): MeetingPair {
  // An ended pairing has no meetings left, but its workspace stays: its own link still opens it.
  const mine = known.filter(
    (p) => (!p.booking.ended || (link.workspace !== undefined && p.booking.ref === link.workspace)) && (p.executiveId === me || p.booking.with === me) && p.executiveId !== p.booking.with,
  );
  if (mine.length === 0) return { kind: 'none', reason: 'no-pairs' };
  const verdicts = mine.map((pair) => ({ pair, verdict: compare(meeting, pair) }));
  const byMeeting = verdicts.filter((v) => v.verdict === 'match' && !v.pair.booking.ended).map((v) => v.pair);
  const byLink = link.workspace ? verdicts.filter((v) => v.pair.booking.ref === link.workspace && v.verdict !== 'differs').map((v) => v.pair) : [];
  const linkedElsewhere = link.workspace !== undefined && byLink.length === 0 && verdicts.some((v) => v.pair.booking.ref === link.workspace);
  const candidates = [...new Set([...byMeeting, ...byLink])];
  if (linkedElsewhere || candidates.length > 1) return { kind: 'none', reason: 'ambiguous' };
  const pair = candidates[0];
  if (!pair) return { kind: 'none', reason: 'not-this-meeting' };
  return { kind: 'pair', pair, mentorId: pair.booking.with, by: byMeeting.includes(pair) ? 'meeting' : 'link' };
}
