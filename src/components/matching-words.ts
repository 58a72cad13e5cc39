/**
 * The matcher's reasons in words, for whoever reads them: the executive themself reads "you", a
 * programme owner reads names. The domain gives codes with parameters; this is the one place that
 * turns them into English, so a translation replaces this module and nothing else.
 */
import type { IneligibleReason, WhyNobody } from '@/domain/matching/eligibility';
import type { MatchReason } from '@/domain/matching/engine';
import { TOPIC_CATALOGUE } from '@/domain/matching/profile';
import type { Matching } from '@/domain/programme/rounds';

/**
 * Who reads the words. `executive`: the mentee of the pair, addressed as "you". `mentor`: the reverse
 * mentor of the pair, addressed as "you" (the reasons say what they bring to the executive). `owner`:
 * a programme owner, who reads everyone's names. Either way `nameOf` names the people.
 */
export interface Reader {
  readonly kind: 'executive' | 'mentor' | 'owner';
  readonly nameOf: (personId: string) => string;
}

/** The two people the words are about. */
export interface PairIds {
  readonly menteeId: string;
  readonly mentorId: string;
}

const TOPIC_LABEL = new Map(TOPIC_CATALOGUE.map((topic) => [topic.id, topic.label]));

/** "a", "a and b", "a, b and c". */
function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Topics in words, from their ids: "generative AI, social media and younger customers". */
export function wordTopics(topics: readonly string[]): string {
  return listWords(topics.map((t) => TOPIC_LABEL.get(t) ?? t));
}

/** A language's English name from its tag ("es" → "Spanish"), or the tag. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A date (YYYY-MM-DD) as people write it: "12 January 2027". */
export const dayWords = (day: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(day));

/** Why no pairs are made now (the programme's rounds' matching windows), and when they are next. */
export function wordMatchingClosed(matching: Extract<Matching, { open: false }>): string {
  const closed = matching.closedOn ? `: matching closed on ${dayWords(matching.closedOn)}` : '';
  const next = matching.next ? `${matching.next.name} opens on ${dayWords(matching.next.start)}.` : 'The programme owners open the next round.';
  return `Pairs are not being made just now${closed}. ${next}`;
}

/** A number of hours as people write it: 2, 2.5. */
const hoursWords = (hours: number) => (Number.isInteger(hours) ? String(hours) : hours.toFixed(1));

/** How the reader refers to the executive: "you" or their name. */
const executive = (reader: Reader, pair: PairIds) => (reader.kind === 'executive' ? 'you' : reader.nameOf(pair.menteeId));
/** "your" or "Margaret Lindqvist's". */
const executives = (reader: Reader, pair: PairIds) => (reader.kind === 'executive' ? 'your' : `${reader.nameOf(pair.menteeId)}'s`);

/** Why a reverse mentor suits the executive, in one line (no full stop). */
export function wordReason(reason: MatchReason, reader: Reader, pair: PairIds): string {
  if (reader.kind === 'mentor') return wordReasonForMentor(reason, reader.nameOf(pair.menteeId));
  const you = executive(reader, pair);
  switch (reason.code) {
    case 'pinned':
      // The owner reading it is the one who pinned it: an owner's pins are theirs alone.
      return reader.kind === 'owner' ? 'Pinned by you' : 'Pinned by the programme owner';
    case 'teaches': {
      const topics = listWords(reason.topics.map((t) => TOPIC_LABEL.get(t) ?? t));
      return `Can teach ${topics}, which ${you} ${reader.kind === 'executive' ? 'want' : 'wants'} to learn`;
    }
    case 'other-department':
      return `Works in ${reason.department}${reason.from ? `: a view from outside ${reason.from}` : ''}`;
    case 'other-country':
      return `Based in ${reason.place}: a view from another country`;
    case 'hours-in-common': {
      if (reason.offsetMinutes === 0) return `Works in ${executives(reader, pair)} time zone`;
      const apart = Math.abs(reason.offsetMinutes) / 60;
      const gap = `${hoursWords(apart)} hour${apart === 1 ? '' : 's'} ${reason.offsetMinutes > 0 ? 'ahead of' : 'behind'} ${you}`;
      return reason.hours > 0 ? `${hoursWords(reason.hours)} working hour${reason.hours === 1 ? '' : 's'} in common (${gap})` : `Little working time in common (${gap})`;
    }
    case 'shared-languages': {
      const languages = listWords(reason.languages.map(languageName));
      return reader.kind === 'executive' ? `You both speak ${languages}` : `Both speak ${languages}`;
    }
  }
}

/** Why the pair suits, as the reverse mentor reads it: "you" is the mentor, the executive is named. */
function wordReasonForMentor(reason: MatchReason, executiveName: string): string {
  switch (reason.code) {
    case 'pinned':
      return 'Pinned by the programme owner';
    case 'teaches':
      return `You can teach ${listWords(reason.topics.map((t) => TOPIC_LABEL.get(t) ?? t))}, which ${executiveName} wants to learn`;
    case 'other-department':
      return reason.from
        ? `You work in ${reason.department}: a view from outside ${reason.from}, where ${executiveName} works`
        : `You work in ${reason.department}: a view from another department`;
    case 'other-country':
      return `You are based in ${reason.place}: a view from another country`;
    case 'hours-in-common': {
      if (reason.offsetMinutes === 0) return `You work in ${executiveName}'s time zone`;
      const apart = Math.abs(reason.offsetMinutes) / 60;
      // offsetMinutes is the mentor's zone ahead of the executive's: the executive is that far behind the reader.
      const gap = `${executiveName} is ${hoursWords(apart)} hour${apart === 1 ? '' : 's'} ${reason.offsetMinutes > 0 ? 'behind' : 'ahead of'} you`;
      return reason.hours > 0 ? `${hoursWords(reason.hours)} working hour${reason.hours === 1 ? '' : 's'} in common (${gap})` : `Little working time in common (${gap})`;
    }
    case 'shared-languages':
      return `You both speak ${listWords(reason.languages.map(languageName))}`;
  }
}

/** What one rule says about the reverse mentor, as a phrase whose subject is the mentor ("is in your reporting line"). */
export function wordIneligible(reason: IneligibleReason, reader: Reader, pair: PairIds): string {
  const you = executive(reader, pair);
  switch (reason.code) {
    case 'unknown-person':
      return reader.kind === 'owner' && reason.personId !== pair.mentorId
        ? `cannot be paired: ${reader.nameOf(reason.personId)} is not in the organisation the app can see`
        : 'is not in the organisation the app can see';
    case 'same-person':
      return reader.kind === 'executive' ? 'is you' : 'cannot be paired with themselves';
    case 'not-a-mentee':
      return reader.kind === 'executive' ? 'cannot be suggested until you opt in as a mentee' : `cannot be paired: ${you} has not opted in as a mentee`;
    case 'not-a-mentor':
      return 'has not opted in as a reverse mentor';
    case 'paused':
      return reason.personId === pair.mentorId
        ? `has paused taking part until ${dayWords(reason.until)}`
        : `cannot be paired: ${reader.kind === 'executive' ? 'you have' : `${you} has`} paused taking part until ${dayWords(reason.until)}`;
    case 'in-reporting-line':
      return `is in ${executives(reader, pair)} reporting line`;
    case 'level-gap': {
      const levels = Math.max(0, Math.round(reason.gap));
      const where = reason.gap <= 0 ? `is not below ${you} in seniority` : `is only about ${levels} level${levels === 1 ? '' : 's'} below ${you}`;
      return `${where}; the programme asks for at least ${reason.required}`;
    }
    case 'at-capacity':
      return `is at capacity (${reason.load} of ${reason.capacity} executive${reason.capacity === 1 ? '' : 's'})`;
    case 'past-pair':
      return `was paired with ${you} before`;
    case 'excluded':
      return `was excluded from pairing with ${you} by the programme owner`;
    case 'no-shared-language':
      return `shares no language with ${you}`;
  }
}

/**
 * "Why not this reverse mentor?" as a sentence: everything that stands in the way, or, when
 * nothing does, that they fit; for an executive who has them among the suggestions they see
 * (`shown`), that they are there already.
 */
export function wordWhyNot(reasons: readonly IneligibleReason[], reader: Reader, pair: PairIds, seen: { readonly shown?: boolean } = {}): string {
  const mentor = reader.nameOf(pair.mentorId);
  if (reasons.length === 0) {
    if (reader.kind === 'executive' && seen.shown) return `${mentor} is already among your suggestions.`;
    return reader.kind === 'executive'
      ? `${mentor} fits the programme rules; they may simply rank below your suggestions.`
      : `${mentor} fits the programme rules for ${reader.nameOf(pair.menteeId)}.`;
  }
  return `${mentor} ${reasons.map((reason) => wordIneligible(reason, reader, pair)).join('; ')}.`;
}

/** Why an executive has no reverse mentor to suggest or was left unmatched, and what would help, as a sentence. */
export function wordWhyNobody(why: WhyNobody, reader: Reader, menteeId: string): string {
  const owner = reader.kind === 'owner';
  const name = reader.nameOf(menteeId);
  switch (why.code) {
    case 'opt-in':
      return owner ? `${name} has not opted in as a mentee.` : 'Opt in as a mentee to see suggested reverse mentors.';
    case 'paused':
      return owner
        ? `${name} has paused taking part until ${dayWords(why.until)}.`
        : `You have paused taking part until ${dayWords(why.until)}; resume in your profile to see suggested reverse mentors.`;
    case 'no-mentors':
      return 'Nobody has opted in as a reverse mentor yet.';
    case 'no-fit':
      return owner ? `No reverse mentor fits ${name} yet.` : 'No reverse mentor fits yet.';
    case 'rules':
      return owner ? `No reverse mentor fits ${name} under the programme rules yet.` : 'No reverse mentor fits the programme rules yet.';
    case 'levels-too-close':
      return owner
        ? `Most reverse mentors are fewer than ${why.required} levels below ${name}; a lower level gap would help. ` +
            `The gap (${why.required}) is set when the app is deployed (PROGRAMME_LEVEL_GAP): ask whoever deploys it.`
        : `Most reverse mentors are fewer than ${why.required} levels below you; a programme owner can lower the level gap.`;
    case 'mentors-full':
      return `The reverse mentors who fit ${owner ? name : 'you'} are all at capacity; more juniors opting in would help.`;
    case 'add-languages':
      return owner ? `No reverse mentor shares a language ${name} listed.` : 'No reverse mentor shares a language you listed; add the languages you speak to your profile.';
    case 'all-in-reporting-line':
      return `The reverse mentors who opted in are all in ${owner ? `${name}'s` : 'your'} reporting line.`;
    case 'outbid':
      return owner ? `Every reverse mentor who fits ${name} was needed for someone with fewer options.` : 'Every reverse mentor who fits was needed for someone with fewer options.';
  }
}
