/**
 * Owners send the pairs, headless: a programme owner sends the proposal (each pair with its reason
 * codes and a round id) to the programme store's proposals list; each executive and reverse mentor
 * answers theirs in the answers list (services/programme/programme-store.ts); everyone reads both and
 * comes to the same view of every sent pair: waiting, paired (both accepted) or declined (one declined).
 *
 * What a sent pair means for the next run: a pair that was declined is never proposed again (it joins
 * the owner's exclusions for the run, and a pin of it is dropped); an executive whose proposal still
 * waits, or was accepted, is left out, and their reverse mentor's place counts as taken — as an
 * accepted request does (the mentor's `accepted` list, which `mentorLoadsOf` and `alreadyPairedOf`
 * read): see {@link withSentPairs}. Past pairs stay out through the matcher's own rule.
 *
 * An accepted proposal is recorded the way an accepted request is, so booking works as it does for a
 * request (application/booking/booking-pairs.ts keys on the executive's `asked` and the mentor's
 * `accepted`): the executive who accepts writes `asked` (the mentor), the reverse mentor who accepts
 * writes `accepted` (the executive) once the executive has accepted too. When the mentor accepted
 * first, their own client records it the next time it reads the answers ({@link settleMyProposals}).
 * A mentor who declines records the decline as they would a request's.
 */
import { z } from 'zod';
import type { Matcher, MatchReason, ProgrammeAssignment } from '@/domain/matching/engine';
import type { GraphClient } from '@/services/graph/graph-client';
import type { StoredProfile } from '@/services/profile/profile-store';
import {
  answerProposal as storeAnswer,
  readAnswers,
  readOwnerKeys,
  readParticipants,
  readParticipantsOf,
  readProposals,
  sendProposals as storeProposals,
  type OwnerDecisions,
  type Proposal,
  type ProposalAnswer,
  type ProgrammeStore,
} from '@/services/programme/programme-store';
import { ensureMyPairSeal, myPairSeal } from '@/services/programme/person-key';
import { openSealed, sealForReaders, type PairSeal } from '@/services/programme/pair-seal';
import { answerRequest, atCapacity, myMentees } from './requests';
import { updateMyProfile, type Participation } from './my-profile';
import type { Pair } from './open-programme';

export type { Proposal };

/** One person's answer to a sent pair, as it stands. */
export type PersonAnswer = 'waiting' | 'accepted' | 'declined';

/** A sent pair with both answers: `paired` when both accepted, `declined` when either declined. */
export interface SentPair {
  readonly proposal: Proposal;
  readonly executive: PersonAnswer;
  readonly mentor: PersonAnswer;
  readonly state: 'waiting' | 'paired' | 'declined';
}

/** Every sent pair as read, and the entries left out on reading (not trusted, or damaged and named). */
export interface SentPairs {
  readonly pairs: readonly SentPair[];
  readonly untrusted: number;
  readonly damaged: readonly string[];
}

/** Each person's latest answer to each proposal made to them; answers by anyone else do not count. */
export function sentPairsOf(proposals: readonly Proposal[], answers: readonly ProposalAnswer[]): SentPair[] {
  const latest = new Map<string, ProposalAnswer>();
  for (const a of answers) {
    const key = `${a.proposalId}|${a.personId}`;
    const before = latest.get(key);
    if (!before || before.at <= a.at) latest.set(key, a);
  }
  const answerOf = (proposal: Proposal, personId: string): PersonAnswer => latest.get(`${proposal.id}|${personId}`)?.answer ?? 'waiting';
  return proposals.map((proposal) => {
    const executive = answerOf(proposal, proposal.executiveId);
    const mentor = answerOf(proposal, proposal.mentorId);
    const state = executive === 'declined' || mentor === 'declined' ? 'declined' : executive === 'accepted' && mentor === 'accepted' ? 'paired' : 'waiting';
    return { proposal, executive, mentor, state };
  });
}

/** What a sealed proposal's box is bound to: its entry and the owner who sent it. */
const proposalBinding = (p: { readonly id: string; readonly sentBy: string }) => `proposal ${p.id} sent by ${p.sentBy}`;
/** What a sealed answer's box is bound to: the person answering and when (which proposal is inside). */
const answerBinding = (a: { readonly personId: string; readonly at: string }) => `answer by ${a.personId} at ${a.at}`;
const sealedPairSchema = z.object({ executiveId: z.string().min(1).max(64), mentorId: z.string().min(1).max(64), reasonCodes: z.array(z.string().max(64)).max(20) });
const sealedAnswerSchema = z.object({ proposalId: z.string().min(1).max(64), answer: z.enum(['accepted', 'declined']) });

async function opened<T>(seal: PairSeal | undefined, box: unknown, binding: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const text = await openSealed(seal, box, binding);
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads every sent proposal with both answers from the store, as the signed-in person may read them:
 * whom a proposal pairs, and each answer, are sealed for the two people and the owners (pair-seal.ts);
 * a proposal made to others is not among the pairs, nor an answer the reader may not read.
 */
export async function readSentPairs(store: ProgrammeStore): Promise<SentPairs> {
  const [proposals, answers] = await Promise.all([readProposals(store), readAnswers(store)]);
  const anySealed = proposals.proposals.some((p) => 'sealed' in p) || answers.answers.some((a) => 'sealed' in a);
  const seal = anySealed ? await myPairSeal(store.client) : undefined;
  const open: Proposal[] = [];
  for (const p of proposals.proposals) {
    if (!('sealed' in p)) open.push(p);
    else {
      const pair = await opened(seal, p.sealed, proposalBinding(p), sealedPairSchema);
      if (pair) open.push({ id: p.id, round: p.round, sentAt: p.sentAt, sentBy: p.sentBy, ...pair });
    }
  }
  const openAnswers: ProposalAnswer[] = [];
  for (const a of answers.answers) {
    if (!('sealed' in a)) openAnswers.push(a);
    else {
      const said = await opened(seal, a.sealed, answerBinding(a), sealedAnswerSchema);
      if (said) openAnswers.push({ proposalId: said.proposalId, personId: a.personId, at: a.at, answer: said.answer });
    }
  }
  return {
    pairs: sentPairsOf(open, openAnswers),
    untrusted: proposals.untrusted + answers.untrusted,
    damaged: [...proposals.damaged, ...answers.damaged],
  };
}

/** The public keys of these people (from their participant entries) and of the owners: who can read what is sealed for a pair. */
async function readersOf(store: ProgrammeStore, personIds: readonly string[] | 'everyone'): Promise<{ people: Map<string, string>; owners: string[] }> {
  const [entries, owners] = await Promise.all([personIds === 'everyone' ? readParticipants(store).then((r) => r.participants) : readParticipantsOf(store, personIds), readOwnerKeys(store)]);
  return { people: new Map(entries.flatMap((e) => (e.key ? [[e.personId, e.key] as const] : []))), owners: [...owners.values()] };
}

const pairOf = (p: SentPair): Pair => [p.proposal.executiveId, p.proposal.mentorId];
const same = (a: Pair, b: Pair) => a[0] === b[0] && a[1] === b[1];

/** The pairs that were proposed and declined: never to be proposed again. */
export function declinedPairsOf(sent: readonly SentPair[]): Pair[] {
  return sent.filter((p) => p.state === 'declined').map(pairOf);
}

/** The pairs whose proposal still waits or was accepted: their executive is spoken for, their mentor's place taken. */
export function holdingPairsOf(sent: readonly SentPair[]): Pair[] {
  return sent.filter((p) => p.state !== 'declined').map(pairOf);
}

/**
 * The owner's decisions for a run after sending: declined pairs join the exclusions, and pins of a
 * declined pair, or of an executive whose proposal still waits or was accepted, are dropped (a pin
 * would otherwise propose them again).
 */
export function decisionsAfterSending(decisions: OwnerDecisions, sent: readonly SentPair[]): OwnerDecisions {
  const declined = declinedPairsOf(sent);
  if (sent.length === 0) return decisions;
  const held = new Set(holdingPairsOf(sent).map(([e]) => e));
  const exclusions = [...decisions.exclusions, ...declined.filter((d) => !decisions.exclusions.some((x) => same(x, d)))];
  const pins = decisions.pins.filter((pin) => !held.has(pin[0]) && !declined.some((d) => same(d, pin)));
  return { pins, exclusions };
}

/**
 * The profiles as the programme counts them after sending: each pair whose proposal waits or was
 * accepted counts as an accepted request (in the reverse mentor's `accepted`), so the executive is
 * left out of the next run and the mentor's place is taken (mentorLoadsOf, alreadyPairedOf). For the
 * owner's runs and figures only; nothing of it is saved.
 */
export function withSentPairs(profiles: readonly StoredProfile[], sent: readonly SentPair[]): readonly StoredProfile[] {
  const holding = holdingPairsOf(sent);
  if (holding.length === 0) return profiles;
  const extra = new Map<string, string[]>();
  for (const [executiveId, mentorId] of holding) extra.set(mentorId, [...(extra.get(mentorId) ?? []), executiveId]);
  return profiles.map((p) => {
    const more = p.mentor ? extra.get(p.personId) : undefined;
    if (!more) return p;
    const accepted = [...(p.accepted ?? [])];
    for (const id of more) if (!accepted.includes(id)) accepted.push(id);
    return { ...p, accepted };
  });
}

/** What a send did: the proposals stored, and the pairs left out because they were sent before. */
export interface SendResult {
  readonly sent: readonly Proposal[];
  readonly alreadySent: number;
  /**
   * Pairs not sent yet because one of the two has no key for private proposals (they have not opened
   * the app since it began sealing): sending again once they have sends them.
   */
  readonly waitingForKeys: number;
  /** What `afterSend` threw: the proposals are stored all the same (people see them on their next open). */
  readonly afterSendFailed?: unknown;
}

/** A round's id from its time: "r" and the UTC time to the second, e.g. r20261202T113000Z. */
export function roundIdAt(now: number): string {
  return `r${new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`;
}

/**
 * Sends the proposal's pairs as `me` (an owner), in one round: each pair with its reason codes. Pairs
 * sent before (the same executive and mentor), and executives whose earlier proposal still waits or
 * was accepted, are left out, so sending twice never asks anyone twice. `afterSend` hears the stored
 * proposals once they are in the store (e.g. to tell the two people in Teams); its failure does not
 * undo the send and is returned as `afterSendFailed`.
 */
export async function sendProposal(
  store: ProgrammeStore,
  me: string,
  proposal: ProgrammeAssignment,
  before: readonly SentPair[],
  options: { readonly now: number; readonly afterSend?: (sent: readonly Proposal[]) => Promise<void> },
): Promise<SendResult> {
  const held = new Set(holdingPairsOf(before).map(([e]) => e));
  const fresh = proposal.pairs.filter((p) => !held.has(p.menteeId) && !before.some((b) => same(pairOf(b), [p.menteeId, p.mentorId])));
  const round = roundIdAt(options.now);
  const sentAt = new Date(options.now).toISOString();
  // Whom each pairs is sealed for the two and the owners: a pair one of whom has no key yet waits.
  const keys = fresh.length > 0 ? await readersOf(store, 'everyone') : { people: new Map<string, string>(), owners: [] };
  // The owner who sends reads what they sent, whether or not their key is among the owners' yet.
  const mine = fresh.length > 0 ? (await ensureMyPairSeal(store.client)).publicKey : undefined;
  const ready = fresh.filter((p) => keys.people.has(p.menteeId) && keys.people.has(p.mentorId));
  const proposals: Proposal[] = ready.map((p) => ({
    // Random, not the executive's id: the id is stored in the clear.
    id: `${round}-${crypto.randomUUID()}`,
    executiveId: p.menteeId,
    mentorId: p.mentorId,
    reasonCodes: [...new Set(p.reasons.map((r) => r.code))],
    round,
    sentAt,
    sentBy: me,
  }));
  const sealed = [];
  for (const p of proposals) {
    const readers = [keys.people.get(p.executiveId)!, keys.people.get(p.mentorId)!, ...keys.owners, mine!];
    const box = await sealForReaders(JSON.stringify({ executiveId: p.executiveId, mentorId: p.mentorId, reasonCodes: p.reasonCodes }), proposalBinding(p), readers);
    sealed.push({ id: p.id, round, sentAt, sealed: box });
  }
  await storeProposals(store, me, sealed);
  const sent = proposals;
  const alreadySent = proposal.pairs.length - fresh.length;
  const waitingForKeys = fresh.length - ready.length;
  if (sent.length > 0 && options.afterSend) {
    try {
      await options.afterSend(sent);
    } catch (afterSendFailed) {
      return { sent, alreadySent, waitingForKeys, afterSendFailed };
    }
  }
  return { sent, alreadySent, waitingForKeys };
}

/** The sent pairs made to this person (as executive or reverse mentor), latest first. */
export function pairsFor(personId: string, sent: readonly SentPair[]): SentPair[] {
  return sent.filter((p) => p.proposal.executiveId === personId || p.proposal.mentorId === personId).sort((a, b) => (a.proposal.sentAt < b.proposal.sentAt ? 1 : -1));
}

/** The reasons a proposal gives, from the reader's matcher: those whose codes the owner sent, with today's details. */
export function reasonsOfProposal(matcher: Matcher | undefined, proposal: Proposal): MatchReason[] {
  const codes = new Set(proposal.reasonCodes);
  const reasons = matcher ? matcher.reasonsOf(proposal.executiveId, proposal.mentorId).filter((r) => codes.has(r.code)) : [];
  return codes.has('pinned') ? [{ code: 'pinned' }, ...reasons] : reasons;
}

/** Why an answer could not be given: the pair is settled already (the other declined). */
export class ProposalAnswerError extends Error {
  override readonly name = 'ProposalAnswerError';
}

/**
 * The signed-in person answers a pair proposed to them. The answers are read again first, so an
 * answer to a pair the other already declined is refused in words. Accepting also records it as an
 * accepted request would be (module comment), so the executive can then book sessions as today.
 * Returns the pair as it now stands and the person's profile as saved (when it changed).
 */
export async function answerMyProposal(
  client: GraphClient,
  store: ProgrammeStore,
  me: StoredProfile | undefined,
  proposalId: string,
  answer: 'accepted' | 'declined',
  context: { readonly profiles: readonly StoredProfile[]; readonly now: number; readonly meId: string; readonly participation?: Participation },
): Promise<{ pair: SentPair; profile: StoredProfile | undefined }> {
  const current = (await readSentPairs(store)).pairs.find((p) => p.proposal.id === proposalId);
  if (!current) throw new ProposalAnswerError('This proposal is no longer there: a programme owner may have withdrawn it. Reload to see what is proposed now.');
  const { proposal } = current;
  const role = proposal.executiveId === context.meId ? 'executive' : proposal.mentorId === context.meId ? 'mentor' : undefined;
  if (!role) throw new ProposalAnswerError('This proposal was made to someone else.');
  if (answer === 'accepted' && current.state === 'declined') throw new ProposalAnswerError('This pair can no longer go ahead: the other person declined it.');
  if (answer === 'accepted' && !(role === 'executive' ? me?.mentee : me?.mentor)) {
    throw new ProposalAnswerError(`Opt in as ${role === 'executive' ? 'an executive who wants a reverse mentor' : 'a reverse mentor'} in your profile first, then accept.`);
  }
  if (answer === 'accepted' && role === 'mentor' && atCapacity(me, context.profiles, context.now) && !myMentees(me, context.profiles, context.now).includes(proposal.executiveId)) {
    throw new ProposalAnswerError(`You are at your capacity of ${me!.mentor!.capacity}; raise it in your profile to accept.`);
  }
  // The answer is sealed for the two and the owners, like the proposal.
  const keys = await readersOf(store, [proposal.executiveId, proposal.mentorId]);
  const at = new Date(context.now);
  const binding = answerBinding({ personId: context.meId, at: at.toISOString() });
  const readers = [...keys.people.values(), ...keys.owners];
  await storeAnswer(store, context.meId, { sealed: await sealForReaders(JSON.stringify({ proposalId: proposal.id, answer }), binding, readers) }, at);
  const other = role === 'executive' ? current.mentor : current.executive;
  const now: SentPair = { ...current, [role]: answer, state: answer === 'declined' || other === 'declined' ? 'declined' : other === 'accepted' ? 'paired' : 'waiting' };
  let profile: StoredProfile | undefined;
  if (role === 'executive' && answer === 'accepted') {
    profile = await updateMyProfile(client, me, { asked: proposal.mentorId }, context.now, context.participation);
  } else if (role === 'mentor' && me?.mentor && (answer === 'declined' || current.executive === 'accepted')) {
    profile = await answerRequest(client, me, proposal.executiveId, answer === 'accepted', {
      profiles: context.profiles,
      now: context.now,
      ...(context.participation ? { participation: context.participation } : {}),
    });
  }
  return { pair: now, profile };
}

/**
 * A reverse mentor's own record of pairs both accepted after they did: when the executive accepted
 * last, the mentor's `accepted` does not have them yet, so it is written now (once per such pair).
 * Returns the profile as saved, or undefined when nothing was missing.
 */
export async function settleMyProposals(
  client: GraphClient,
  me: StoredProfile | undefined,
  sent: readonly SentPair[],
  context: { readonly profiles: readonly StoredProfile[]; readonly now: number; readonly participation?: Participation },
): Promise<StoredProfile | undefined> {
  if (!me?.mentor) return undefined;
  let profile: StoredProfile = me;
  let changed = false;
  for (const p of sent) {
    if (p.state !== 'paired' || p.proposal.mentorId !== me.personId || profile.accepted?.includes(p.proposal.executiveId)) continue;
    profile = await answerRequest(client, profile, p.proposal.executiveId, true, {
      profiles: context.profiles,
      now: context.now,
      ...(context.participation ? { participation: context.participation } : {}),
    });
    changed = true;
  }
  return changed ? profile : undefined;
}
