/**
 * A round in progress for the demo, so the owners' health view has something to show: eight pairs
 * (fewer in a small test tenant) of the generated tenant (never the demo's four people, whose journeys start unpaired), booked nine
 * weeks before the demo starts, every two weeks, with what each person recorded after their sessions.
 * The records are sealed as the app seals them (pair-seal.ts, check-ins.ts): the executive's bookings
 * and the mentor's answer for the two and the owner, each check-in and evaluation for its writer and the owner.
 *
 * The pairs differ on purpose: most meet, one executive cancelled the last two sessions, one pair
 * stopped recording (both at risk), and some sessions were moved or skipped. One more reverse mentor
 * paused for three weeks.
 */
import { sealRecord } from '@/application/programme/check-ins';
import { OWN_EVALUATION } from '@/application/programme/evaluation-statements';
import type { CheckIn, Evaluation, Pulse, SessionOutcome } from '@/domain/health/health';
import type { Round } from '@/domain/programme/rounds';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { PairSeal, type KeyFile } from '@/services/programme/pair-seal';
import type { StoredCheckIn } from '@/services/programme/check-in-store';

const WEEK_MS = 7 * 86_400_000;
const PAIRS = 8;
const EVERY_WEEKS = 2;
const WEEKS = 26;

type Extension = Record<string, unknown>;

/** What the round adds to a participant's entry: their sealed records, and a mentor's load and busy dates. */
export interface RoundEntry {
  readonly sealed: readonly unknown[];
  readonly profile: Extension;
}

/** Each pair's sessions so far, as each of the two recorded them: [outcome, executive's pulse, mentor's pulse], undefined when neither recorded it. */
const STORIES: readonly (readonly ([SessionOutcome, Pulse | undefined, Pulse | undefined] | undefined)[])[] = [
  [
    ['held', 4, 5],
    ['held', 5, 4],
    ['held', 4, 4],
    ['held', 5, 5],
    ['held', 4, 5],
  ],
  [
    ['held', 3, 4],
    ['moved', 4, 4],
    ['held', 4, 3],
    ['skipped', undefined, undefined],
    ['held', 5, 4],
  ],
  [
    ['held', 5, 5],
    ['held', 4, 5],
    ['cancelled', undefined, undefined],
    ['held', 4, 4],
    ['held', 5, 5],
  ],
  [
    ['held', 2, 3],
    ['held', 3, 3],
    ['held', 4, 3],
    ['held', 3, 4],
    ['moved', 4, 4],
  ],
  [
    ['held', 4, 4],
    ['skipped', undefined, undefined],
    ['held', 3, 4],
    ['held', 4, 5],
    ['held', 4, 4],
  ],
  // The executive cancelled the last two: at risk.
  [
    ['held', 4, 4],
    ['held', 3, 4],
    ['held', 4, 3],
    ['cancelled', undefined, undefined],
    ['cancelled', undefined, undefined],
  ],
  // Nothing recorded after the second session: at risk.
  [['held', 4, 3], ['held', 3, 3], undefined, undefined, undefined],
  [
    ['held', 5, 4],
    ['held', 4, 4],
    ['moved', 4, 5],
    ['held', 5, 5],
    ['held', 4, 4],
  ],
];
const LINES: Readonly<Record<string, string>> = {
  '0:4:mentor': 'We are planning a short demo for the leadership meeting next month.',
  '3:0:executive': 'The first session was hard to fit in; it is better now.',
};

/** The start of the UTC day `weeks` weeks before `now`, at 14:00 UTC. */
const roundStart = (now: Date, weeks: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 14) - weeks * WEEK_MS);

/**
 * The round the demo's pairs are in, as the owners set it: it began the day of the pairs' first
 * sessions and runs 40 weeks, matching open until 8 weeks before its end (the demo's own people
 * still pair up in it, and their series end before it does).
 */
export function demoRoundSettings(now: Date): Round {
  const start = roundStart(now, 9);
  const day = (weeks: number) => new Date(start.getTime() + weeks * WEEK_MS).toISOString().slice(0, 10);
  return { name: 'First round', start: day(0), matchUntil: day(32), end: day(40), targetSessions: 10 };
}

/**
 * The round's entries by person and the check-ins to put in the store, for people with these
 * extensions (the demo's four are never paired), sealed with their demo keys and for `ownerId`.
 */
export async function demoRound(
  extensions: ReadonlyMap<string, Extension>,
  keys: ReadonlyMap<string, KeyFile>,
  ownerId: string,
  now: Date,
): Promise<{ entries: Map<string, RoundEntry>; checkIns: StoredCheckIn[] }> {
  const demoFour = new Set(DEMO_PEOPLE.map((p) => p.id));
  const ids = [...extensions.keys()].filter((id) => !demoFour.has(id) && keys.has(id)).sort();
  const executives = ids.filter((id) => Array.isArray(extensions.get(id)!.wantsToLearn) && extensions.get(id)!.mentorCapacity === undefined).slice(0, PAIRS);
  const mentors = ids.filter((id) => typeof extensions.get(id)!.mentorCapacity === 'number' && !Array.isArray(extensions.get(id)!.wantsToLearn)).slice(0, PAIRS + 1);
  const entries = new Map<string, RoundEntry>();
  const checkIns: StoredCheckIn[] = [];
  const pairs = Math.min(executives.length, mentors.length);
  const ownerKey = keys.get(ownerId)!.publicKey;
  const start = roundStart(now, 9);
  const endOf = (first: Date) => new Date(first.getTime() + WEEKS * WEEK_MS).toISOString();
  const readerOf = (personId: string, key: string) => `${personId}:${key.slice(-12, -1)}`;

  for (let i = 0; i < pairs; i++) {
    const executive = executives[i]!;
    const mentor = mentors[i]!;
    const [execFile, mentorFile] = [keys.get(executive)!, keys.get(mentor)!];
    const [execSeal, mentorSeal] = await Promise.all([PairSeal.fromFile(execFile), PairSeal.fromFile(mentorFile)]);
    const first = new Date(start.getTime() + i * 3_600_000);
    const booking = {
      with: mentor,
      start: first.toISOString(),
      zone: String(extensions.get(executive)!.timeZone),
      everyWeeks: EVERY_WEEKS,
      weeks: WEEKS,
      minutes: 45,
      uid: `demo-round-${i}@contoso.example`,
      workspace: 'https://contoso-my.sharepoint.com/personal/demo/Documents/Apps/Reverse%20mentoring',
    };
    const sealedFor = (seal: PairSeal, writer: string, part: Record<string, unknown>, partner: string, partnerKey: string) =>
      seal.seal(JSON.stringify({ ...part, to: [readerOf(partner, partnerKey), readerOf(ownerId, ownerKey)] }), writer, [partnerKey, ownerKey]);
    entries.set(executive, { sealed: [await sealedFor(execSeal, executive, { with: mentor, asked: true, bookings: [booking] }, mentor, mentorFile.publicKey)], profile: {} });
    entries.set(mentor, {
      sealed: [await sealedFor(mentorSeal, mentor, { with: executive, answer: 'accepted' }, executive, execFile.publicKey)],
      profile: { load: 1, busyUntil: [`${endOf(first).slice(0, 10)}T00:00:00.000Z`] },
    });

    // Each gave the evaluation at the start, after the first session.
    for (const [by, partner, seal, offset] of [
      [executive, mentor, execSeal, 0],
      [mentor, executive, mentorSeal, 1],
    ] as const) {
      const evaluation: Evaluation = {
        by,
        with: partner,
        stage: 'start',
        goals: (2 + ((i + offset) % 2)) as Pulse,
        answers: OWN_EVALUATION.map((statement, n) => ({ statement, value: (2 + ((i + n + offset) % 3)) as Pulse })),
        at: new Date(first.getTime() + (4 + offset) * 3_600_000).toISOString(),
      };
      checkIns.push(await sealRecord(seal, evaluation, [ownerKey]));
    }
    for (const [k, story] of STORIES[i % STORIES.length]!.entries()) {
      if (!story) continue;
      const [outcome, execPulse, mentorPulse] = story;
      const session = new Date(first.getTime() + k * EVERY_WEEKS * WEEK_MS);
      const day = session.toISOString().slice(0, 10);
      for (const [by, partner, pulse, seal, role] of [
        [executive, mentor, execPulse, execSeal, 'executive'],
        [mentor, executive, mentorPulse, mentorSeal, 'mentor'],
      ] as const) {
        // A cancelled session is recorded by the executive who cancelled it; the mentor records the rest too.
        if (outcome === 'cancelled' && role === 'mentor') continue;
        const line = LINES[`${i}:${k}:${role}`];
        const checkIn: CheckIn = {
          by,
          with: partner,
          session: day,
          outcome,
          ...(outcome === 'cancelled' ? { cancelledBy: executive } : {}),
          ...(pulse ? { pulse } : {}),
          ...(line ? { note: line } : {}),
          at: new Date(session.getTime() + (role === 'executive' ? 2 : 3) * 3_600_000).toISOString(),
        };
        checkIns.push(await sealRecord(seal, checkIn, [ownerKey]));
      }
    }
  }
  // One reverse mentor beyond the pairs took a break for three weeks: the owners see them paused.
  const resting = mentors[pairs];
  if (resting) entries.set(resting, { sealed: [], profile: { pausedUntil: new Date(now.getTime() + 3 * WEEK_MS).toISOString().slice(0, 10) } });
  return { entries, checkIns };
}
