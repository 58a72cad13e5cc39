import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chatIdOfJoinUrl, resolveMeetingPair, type KnownPair } from './meeting-pair';
import type { BookingRecord } from './pair-schedule';

const joinUrlOf = (thread: string) => `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0?context=%7b%22Tid%22%3a%22t%22%7d`;
const chatOf = (name: string) => `19:meeting_${name}@thread.v2`;

function booking(mentor: string, n: number, extra: Partial<BookingRecord> = {}): BookingRecord {
  return {
    with: mentor,
    start: '2027-01-05T15:00:00Z',
    zone: 'Europe/London',
    everyWeeks: 2,
    weeks: 26,
    minutes: 45,
    uid: `uid-${n}`,
    workspace: `https://contoso-my.sharepoint.com/ws-${n}`,
    ref: `drive-m/item-${n}`,
    ...extra,
  };
}

/** Margaret's two pairs, Aisha first, as her calendar has their series. */
const aisha: KnownPair = { executiveId: 'margaret', booking: booking('aisha', 1), meeting: { joinUrl: joinUrlOf(chatOf('aisha')), iCalUId: 'uid-1' } };
const diego: KnownPair = { executiveId: 'margaret', booking: booking('diego', 2), meeting: { joinUrl: joinUrlOf(chatOf('diego')), iCalUId: 'uid-2' } };
const margaretsPairs = [aisha, diego];

describe('chatIdOfJoinUrl', () => {
  it('reads the meeting chat thread from a classic join URL, and nothing from other shapes', () => {
    expect(chatIdOfJoinUrl(joinUrlOf('19:meeting_NzQ4@thread.v2'))).toBe('19:meeting_NzQ4@thread.v2');
    expect(chatIdOfJoinUrl('https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ4%40thread.v2/0?context=x')).toBe('19:meeting_NzQ4@thread.v2');
    expect(chatIdOfJoinUrl('https://teams.microsoft.com/meet/2345678?p=abc')).toBeUndefined();
    expect(chatIdOfJoinUrl('https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0')).toBeUndefined();
    expect(chatIdOfJoinUrl('https://teams.microsoft.com/l/meetup-join/hello/0')).toBeUndefined();
    expect(chatIdOfJoinUrl(undefined)).toBeUndefined();
  });
});

describe('resolveMeetingPair', () => {
  it('finds the pair whose meeting it is by the meeting chat, not the first booking', () => {
    expect(resolveMeetingPair('margaret', { chatId: chatOf('diego') }, {}, margaretsPairs)).toEqual({ kind: 'pair', pair: diego, mentorId: 'diego', by: 'meeting' });
    expect(resolveMeetingPair('margaret', { chatId: chatOf('aisha') }, {}, margaretsPairs)).toMatchObject({ kind: 'pair', pair: aisha });
  });

  it('finds it by the join URL or the series iCalUId too', () => {
    expect(resolveMeetingPair('margaret', { joinUrl: joinUrlOf(chatOf('diego')) }, {}, margaretsPairs)).toMatchObject({ kind: 'pair', pair: diego });
    expect(resolveMeetingPair('margaret', { iCalUId: 'uid-2' }, {}, [aisha, { ...diego, meeting: undefined }])).toMatchObject({ kind: 'pair', pair: { booking: { with: 'diego' } } });
  });

  it('resolves the same pair for the mentor, from the executive’s record', () => {
    expect(resolveMeetingPair('diego', { chatId: chatOf('diego') }, {}, [diego])).toEqual({ kind: 'pair', pair: diego, mentorId: 'diego', by: 'meeting' });
    // The mentor's client also sees records that are not theirs; those never count.
    expect(resolveMeetingPair('diego', { chatId: chatOf('aisha') }, {}, margaretsPairs)).toEqual({ kind: 'none', reason: 'not-this-meeting' });
  });

  it('takes the tab’s own link where the meeting’s series could not be looked up', () => {
    const unknown = margaretsPairs.map((p) => ({ ...p, meeting: undefined }));
    expect(resolveMeetingPair('margaret', { chatId: chatOf('diego') }, { workspace: 'drive-m/item-2' }, unknown)).toMatchObject({ kind: 'pair', by: 'link', mentorId: 'diego' });
    expect(resolveMeetingPair('margaret', {}, { workspace: 'drive-m/item-2' }, margaretsPairs)).toMatchObject({ kind: 'pair', by: 'link', mentorId: 'diego' });
  });

  it('shows no pair when the tab links a pair whose series is another meeting', () => {
    // Margaret–Diego's link pasted into the Margaret–Aisha meeting's tab.
    expect(resolveMeetingPair('margaret', { chatId: chatOf('aisha') }, { workspace: 'drive-m/item-2' }, margaretsPairs)).toEqual({ kind: 'none', reason: 'ambiguous' });
    // The same link in a stranger's meeting.
    expect(resolveMeetingPair('margaret', { chatId: chatOf('board') }, { workspace: 'drive-m/item-2' }, margaretsPairs)).toEqual({ kind: 'none', reason: 'ambiguous' });
  });

  it('is ambiguous, and shows no pair, when two pairs could be this meeting', () => {
    const twin: KnownPair = { ...aisha, meeting: { chatId: chatOf('diego') } };
    expect(resolveMeetingPair('margaret', { chatId: chatOf('diego') }, {}, [twin, diego])).toEqual({ kind: 'none', reason: 'ambiguous' });
    const unknown = margaretsPairs.map((p) => ({ ...p, meeting: undefined }));
    expect(resolveMeetingPair('margaret', { chatId: chatOf('diego') }, { workspace: 'drive-m/item-1' }, [unknown[0]!, diego])).toEqual({ kind: 'none', reason: 'ambiguous' });
  });

  it('shows no pair in a meeting that is none of the person’s pairs, or with nothing to go by', () => {
    expect(resolveMeetingPair('margaret', { chatId: chatOf('board') }, {}, margaretsPairs)).toEqual({ kind: 'none', reason: 'not-this-meeting' });
    expect(resolveMeetingPair('margaret', {}, {}, margaretsPairs)).toEqual({ kind: 'none', reason: 'not-this-meeting' });
    expect(
      resolveMeetingPair(
        'margaret',
        { chatId: chatOf('diego') },
        { workspace: 'someone/else' },
        margaretsPairs.map((p) => ({ ...p, meeting: undefined })),
      ),
    ).toEqual({
      kind: 'none',
      reason: 'not-this-meeting',
    });
    expect(resolveMeetingPair('margaret', { chatId: chatOf('diego') }, {}, [])).toEqual({ kind: 'none', reason: 'no-pairs' });
  });

  it('shows a stranger nothing of a pair’s meeting, even with its link', () => {
    // Priya joins the Margaret–Diego call; her client sees Margaret's records (profiles are readable).
    expect(resolveMeetingPair('priya', { chatId: chatOf('diego') }, { workspace: 'drive-m/item-2' }, margaretsPairs)).toEqual({ kind: 'none', reason: 'no-pairs' });
  });

  it('leaves ended pairings out', () => {
    const ended = { ...diego, booking: { ...diego.booking, ended: '2027-03-01' } };
    expect(resolveMeetingPair('margaret', { chatId: chatOf('diego') }, {}, [aisha, ended])).toEqual({ kind: 'none', reason: 'not-this-meeting' });
  });

  it('opens an ended pairing’s workspace by its own link, outside any meeting, and never by its old meeting', () => {
    const ended = { ...diego, booking: { ...diego.booking, ended: '2027-03-01' } };
    expect(resolveMeetingPair('margaret', {}, { workspace: 'drive-m/item-2' }, [aisha, ended])).toEqual({ kind: 'pair', pair: ended, mentorId: 'diego', by: 'link' });
    expect(resolveMeetingPair('diego', {}, { workspace: 'drive-m/item-2' }, [ended])).toMatchObject({ kind: 'pair', mentorId: 'diego' });
    expect(resolveMeetingPair('margaret', { chatId: chatOf('diego') }, {}, [ended])).toEqual({ kind: 'none', reason: 'no-pairs' });
    expect(resolveMeetingPair('stranger', {}, { workspace: 'drive-m/item-2' }, [ended])).toEqual({ kind: 'none', reason: 'no-pairs' });
  });

  it('never depends on the order of the records, and never shows a pair whose series is another meeting', () => {
    const names = ['aisha', 'diego', 'lee', 'sam'];
    const pairArb = fc.record({
      executive: fc.constantFrom('margaret', 'omar'),
      mentor: fc.constantFrom(...names),
      n: fc.integer({ min: 1, max: 4 }),
      chat: fc.option(fc.constantFrom(...names), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(pairArb, { maxLength: 6 }),
        fc.constantFrom('margaret', 'omar', 'diego', 'aisha'),
        fc.option(fc.constantFrom(...names, 'board'), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        fc.context(),
        (specs, me, chat, linked, ctx) => {
          const known: KnownPair[] = specs.map((s) => ({
            executiveId: s.executive,
            booking: booking(s.mentor, s.n),
            ...(s.chat ? { meeting: { chatId: chatOf(s.chat) } } : {}),
          }));
          const meeting = chat ? { chatId: chatOf(chat) } : {};
          const link = linked ? { workspace: `drive-m/item-${linked}` } : {};
          const result = resolveMeetingPair(me, meeting, link, known);
          ctx.log(JSON.stringify(result));
          expect(resolveMeetingPair(me, meeting, link, [...known].reverse())).toEqual(result);
          if (result.kind === 'pair') {
            const { pair } = result;
            expect([pair.executiveId, pair.booking.with]).toContain(me);
            if (chat && pair.meeting?.chatId) expect(pair.meeting.chatId).toBe(chatOf(chat));
          }
        },
      ),
    );
  });
});
