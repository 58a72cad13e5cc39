/**
 * The programme store: the programme's own data, in SharePoint lists of the programme owners'
 * group's site, read and written through Graph with delegated `Sites.Selected` (README, "The
 * programme store"). Six lists, each entry's data as JSON in one multi-line text column (`Data`),
 * with the person it speaks for in an indexed text column (`PersonId`) to filter on:
 * participants (one per person, by them), decisions (pins and exclusions, by owners), proposals (by
 * owners), answers (by the person answering), settings (by owners) and check-ins (by the person
 * checking in after a session, sealed for them and the owners).
 *
 * Pages it rests on:
 * - the group's site: https://learn.microsoft.com/graph/api/site-get (`GET /groups/{id}/sites/root`);
 * - a list by name: https://learn.microsoft.com/graph/api/list-get; creating one: https://learn.microsoft.com/graph/api/list-create;
 * - items: https://learn.microsoft.com/graph/api/listitem-list (`$expand=fields`, `@odata.nextLink`),
 *   https://learn.microsoft.com/graph/api/listitem-create, https://learn.microsoft.com/graph/api/listitem-update
 *   (`If-Match`: 412 on a stale eTag), https://learn.microsoft.com/graph/api/listitem-delete,
 *   https://learn.microsoft.com/graph/api/listitem-delta (deltaLink; a deleted item carries `deleted`).
 *
 * Trust: anyone who may write items may change anyone's entry, but SharePoint sets `createdBy` and
 * `lastModifiedBy` itself (`user.id` is the Entra object id, as the pages' examples show). A reader
 * trusts a participant entry or an answer only when the person it speaks for both created and last
 * modified it, and an owners' entry only when a programme owner did; others are counted as "not
 * trusted" and left out. An entry whose data does not parse is named and skipped, never fatal.
 */
import { z } from 'zod';
import { publicKeySchema } from './pair-seal';
import type { GraphClient } from '../graph/graph-client';
import { GraphRequestError, readAnswer } from '../graph/graph-errors';

/** Delegated Sites.Selected: the app reaches only the site the admin granted it (README, "The programme store"). */
export const PROGRAMME_STORE_SCOPES = ['Sites.Selected'] as const;

/** The store's lists by kind, with the names they have on the site. */
export const PROGRAMME_LISTS = {
  participants: 'Programme participants',
  decisions: 'Programme decisions',
  proposals: 'Programme proposals',
  answers: 'Programme answers',
  settings: 'Programme settings',
  checkIns: 'Programme check-ins',
} as const;
/** One of the store's lists. */
export type ProgrammeListKind = keyof typeof PROGRAMME_LISTS;

/** Items per request: well within one page (the list page names no maximum; the fake refuses over 5000). */
const PAGE_SIZE = 1000;
const MAX_CONFLICT_ROUNDS = 5;
/** A person's or an entry's id, as the store's entries hold it (for the store's other modules too). */
export const id = z.string().min(1).max(64);
/** A time with its offset, as the store's entries hold it. */
export const at = z.string().datetime({ offset: true });

const participantSchema = z.object({
  personId: id,
  role: z.enum(['executive', 'mentor', 'both']),
  /** The profile's `updated` stamp, so a cache knows when to read the profile again. */
  profileUpdated: at,
  /**
   * A copy of what the person published in their profile extension (services/profile/profile-store.ts),
   * written with the stamp on every save, so a reader of the list need not read 3,000 extensions one by
   * one (Graph cannot list users with an open extension). It is checked with the profile's own schema
   * where it is used; the list's readers are a subset of the extension's (the whole tenant).
   */
  profile: z.record(z.string(), z.unknown()).optional(),
  /** The person's public key for sealing pair records (pair-seal.ts): readers open the boxes with it. */
  key: publicKeySchema.optional(),
  /**
   * The person's pair records, one sealed box per partner, each readable only by the person, that
   * partner and the programme owners (pair-seal.ts); checked box by box where they are opened.
   */
  sealed: z.array(z.unknown()).max(64).optional(),
});
/** A person taking part, as they said in their profile. */
export type Participant = z.infer<typeof participantSchema>;

/** A pair as the matching engine names it: [executive (mentee) id, reverse mentor id]. */
export type PairIds = readonly [string, string];
/** Owners' decisions about pairs. */
export interface OwnerDecisions {
  readonly pins: readonly PairIds[];
  readonly exclusions: readonly PairIds[];
}
/** At most this many pins and as many exclusions: a programme, not a directory. */
export const MAX_OWNER_DECISIONS = 5000;
const pairs = z.array(z.tuple([id, id])).max(MAX_OWNER_DECISIONS);
const decisionsSchema = z.object({ pins: pairs, exclusions: pairs });
/** No decisions yet. */
export const NO_OWNER_DECISIONS: OwnerDecisions = { pins: [], exclusions: [] };

/** A proposed pair, sent by an owner. */
export interface Proposal {
  readonly id: string;
  readonly executiveId: string;
  readonly mentorId: string;
  readonly reasonCodes: readonly string[];
  readonly round: string;
  readonly sentAt: string;
  readonly sentBy: string;
}
const proposalSchema = z.object({ id, executiveId: id, mentorId: id, reasonCodes: z.array(z.string().max(64)).max(20), round: z.string().min(1).max(64), sentAt: at, sentBy: id });
/**
 * A proposal as the store keeps it now: whom it pairs, and why, sealed for the two and the owners
 * (pair-seal.ts, `sealForReaders`); an older entry keeps them in the clear.
 */
const sealedProposalSchema = z.object({ id, round: z.string().min(1).max(64), sentAt: at, sentBy: id, sealed: z.unknown() });
/** A sealed proposal entry. */
export type SealedProposal = z.infer<typeof sealedProposalSchema>;
/** A proposal entry as stored: sealed, or (written before sealing) in the clear. */
export type StoredProposal = Proposal | SealedProposal;
const storedProposalSchema = z.union([proposalSchema, sealedProposalSchema]);

/** A person's answer to a proposal. */
export interface ProposalAnswer {
  readonly proposalId: string;
  readonly personId: string;
  readonly answer: 'accepted' | 'declined';
  readonly at: string;
}
const answerSchema = z.object({ proposalId: id, personId: id, answer: z.enum(['accepted', 'declined']), at });
/**
 * An answer as the store keeps it now: which proposal it answers, and how, sealed for the pair and
 * the owners (both people's answers naming one proposal would pair them for anyone); an older entry
 * keeps them in the clear.
 */
const sealedAnswerSchema = z.object({ personId: id, at, sealed: z.unknown() });
/** A sealed answer entry. */
export type SealedAnswer = z.infer<typeof sealedAnswerSchema>;
/** An answer entry as stored. */
export type StoredAnswer = ProposalAnswer | SealedAnswer;
const storedAnswerSchema = z.union([answerSchema, sealedAnswerSchema]);

const settingsSchema = z.object({
  levelGap: z.number().int().min(0).max(10).optional(),
  cadenceWeeks: z.number().int().min(1).max(12).optional(),
  sessionMinutes: z.number().int().min(15).max(240).optional(),
  durationMonths: z.number().int().min(1).max(36).optional(),
  codeOfConduct: z.string().max(10_000).optional(),
  evaluation: z.string().max(10_000).optional(),
  /** The rounds' shape; whether they make sense together is the programme settings' check (domain/programme/rounds.ts). */
  rounds: z
    .array(z.object({ name: z.string().max(100), start: z.string().max(10), matchUntil: z.string().max(10), end: z.string().max(10), targetSessions: z.number() }))
    .max(100)
    .optional(),
});
/** Programme settings an owner changes; what is not set keeps the packaged value. */
export type ProgrammeSettings = z.infer<typeof settingsSchema>;

/** The open store: the site and its lists' ids, and who counts as an owner. */
export interface ProgrammeStore {
  readonly client: GraphClient;
  readonly siteId: string;
  readonly listIds: Readonly<Record<ProgrammeListKind, string>>;
  /** Whether an entry by this person may speak for the owners (as far as known: see {@link learnOwners}). */
  readonly isOwner: (personId: string) => boolean;
  /** The programme owners' group, whose members are the owners. */
  readonly ownerGroupId: string;
  /** People whose membership of the owners' group was looked up: id → owner or not. */
  readonly knownOwners: Map<string, boolean>;
}

/** What reading a list found besides its entries: entries left out, and why. */
export interface ReadProblems {
  /** Entries changed by someone other than the person (or an owner) they speak for. */
  readonly untrusted: number;
  /** Entries whose data could not be read, named (list and item id). */
  readonly damaged: readonly string[];
}

const identitySchema = z
  .object({ user: z.object({ id: z.string().nullish() }).passthrough().nullish() })
  .passthrough()
  .nullish();
const itemSchema = z
  .object({
    id: z.string(),
    eTag: z.string().optional(),
    createdBy: identitySchema,
    lastModifiedBy: identitySchema,
    fields: z.object({ '@odata.etag': z.string().optional(), PersonId: z.string().nullish(), Data: z.string().nullish() }).passthrough().optional(),
    deleted: z.object({ state: z.string().optional() }).passthrough().optional(),
    '@removed': z.unknown().optional(),
  })
  .passthrough();
type Item = z.infer<typeof itemSchema>;
const pageSchema = z.object({ value: z.array(itemSchema), '@odata.nextLink': z.string().optional(), '@odata.deltaLink': z.string().optional() });
const siteSchema = z.object({ id: z.string().min(1) });
const listSchema = z.object({ id: z.string().min(1), createdBy: identitySchema });
const fieldsSchema = z.object({ '@odata.etag': z.string().optional() }).passthrough();
const createdSchema = z.object({ id: z.string(), eTag: z.string().optional(), fields: fieldsSchema.optional() }).passthrough();

/** The columns every list has besides Title: the person an entry speaks for (indexed) and its data. */
export const STORE_COLUMNS = [
  { name: 'PersonId', text: {}, indexed: true },
  { name: 'Data', text: { allowMultipleLines: true } },
] as const;

/** A list's address on the site. */
export const listUrl = (store: ProgrammeStore, kind: ProgrammeListKind) => `/sites/${encodeURIComponent(store.siteId)}/lists/${encodeURIComponent(store.listIds[kind])}`;

/** The programme owners' group's site id (its team site). */
export async function findProgrammeSite(client: GraphClient, ownerGroupId: string): Promise<string> {
  const answer = await client.get(`/groups/${encodeURIComponent(ownerGroupId)}/sites/root`, PROGRAMME_STORE_SCOPES);
  return readAnswer(siteSchema, answer, 'finding the programme’s site').id;
}

/** Stores opened by each client (one per surface), by owners' group: each is opened once. */
const opened = new WeakMap<GraphClient, Map<string, Promise<ProgrammeStore>>>();

/**
 * Opens the store on the owners' group's site: finds each list by name. A missing list throws
 * GraphRequestError with code `ProgrammeStoreMissing` (an owner creates them: ensureProgrammeStore).
 * Owners are those `isOwner` names and whoever created the lists (only the owners' group may).
 * Opening takes six requests, so a client opens each store once and every later use shares it (and
 * what it learnt of owners); a failed open is not kept, so the next use tries again.
 */
export async function openProgrammeStore(client: GraphClient, ownerGroupId: string, isOwner: (personId: string) => boolean = () => false): Promise<ProgrammeStore> {
  let byGroup = opened.get(client);
  if (!byGroup) opened.set(client, (byGroup = new Map()));
  let store = byGroup.get(ownerGroupId);
  if (!store) {
    const opening = openLists(client, ownerGroupId);
    byGroup.set(ownerGroupId, opening);
    opening.catch(() => {
      if (byGroup.get(ownerGroupId) === opening) byGroup.delete(ownerGroupId);
    });
    store = opening;
  }
  const shared = await store;
  return { ...shared, isOwner: (person) => shared.isOwner(person) || isOwner(person) };
}

async function openLists(client: GraphClient, ownerGroupId: string): Promise<ProgrammeStore> {
  const siteId = await findProgrammeSite(client, ownerGroupId);
  const listIds = {} as Record<ProgrammeListKind, string>;
  const creators = new Set<string>();
  for (const kind of Object.keys(PROGRAMME_LISTS) as ProgrammeListKind[]) {
    try {
      const list = readAnswer(
        listSchema,
        await client.get(`/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(PROGRAMME_LISTS[kind])}`, PROGRAMME_STORE_SCOPES),
        'opening the programme’s lists',
      );
      listIds[kind] = list.id;
      const creator = list.createdBy?.user?.id;
      if (creator) creators.add(creator);
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) {
        throw new GraphRequestError(
          'The programme’s lists have not been set up yet: a programme owner sets them up once from the programme view.',
          404,
          'ProgrammeStoreMissing',
          error.requestId,
          undefined,
        );
      }
      throw error;
    }
  }
  const knownOwners = new Map<string, boolean>();
  return {
    client,
    siteId,
    listIds,
    ownerGroupId,
    knownOwners,
    isOwner: (person) => creators.has(person) || knownOwners.get(person) === true,
  };
}

/** One entry of a list, as read. */
export interface Entry<T> {
  readonly itemId: string;
  readonly etag: string | undefined;
  readonly value: T;
}

const authorOf = (item: Item) => ({ created: item.createdBy?.user?.id ?? undefined, modified: item.lastModifiedBy?.user?.id ?? undefined });

/** Reads one entry's data: the value, 'damaged', or 'untrusted' when `trusted` says its authors may not speak for it. */
function readEntry<T>(item: Item, schema: z.ZodType<T>, trusted: (value: T, author: ReturnType<typeof authorOf>) => boolean): Entry<T> | 'damaged' | 'untrusted' {
  let json: unknown;
  try {
    json = JSON.parse(item.fields?.Data ?? '');
  } catch {
    return 'damaged';
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return 'damaged';
  if (!trusted(parsed.data, authorOf(item))) return 'untrusted';
  return { itemId: item.id, etag: item.fields?.['@odata.etag'] ?? item.eTag, value: parsed.data };
}

async function readPages(client: GraphClient, first: string, operation: string, signal?: AbortSignal): Promise<{ items: Item[]; deltaLink: string | undefined }> {
  const items: Item[] = [];
  let url: string | undefined = first;
  let deltaLink: string | undefined;
  while (url) {
    const page: z.infer<typeof pageSchema> = readAnswer(pageSchema, await client.get(url, PROGRAMME_STORE_SCOPES, signal ? { signal } : {}), operation);
    items.push(...page.value);
    url = page['@odata.nextLink'];
    deltaLink = page['@odata.deltaLink'];
  }
  return { items, deltaLink };
}

function collect<T>(
  kind: ProgrammeListKind,
  items: readonly Item[],
  schema: z.ZodType<T>,
  trusted: (value: T, author: ReturnType<typeof authorOf>) => boolean,
): { entries: Entry<T>[] } & ReadProblems {
  const entries: Entry<T>[] = [];
  const damaged: string[] = [];
  let untrusted = 0;
  for (const item of items) {
    const entry = readEntry(item, schema, trusted);
    if (entry === 'damaged') damaged.push(`entry ${item.id} in ${PROGRAMME_LISTS[kind]}`);
    else if (entry === 'untrusted') untrusted++;
    else entries.push(entry);
  }
  return { entries, untrusted, damaged };
}

/**
 * The entries of a list that speak for this person (filtered on the indexed `PersonId` column),
 * each checked with `schema` and trusted only as `trusted` says of its authors.
 */
export async function readPersonEntries<T>(
  store: ProgrammeStore,
  kind: ProgrammeListKind,
  personId: string,
  schema: z.ZodType<T>,
  trusted: (value: T, author: ReturnType<typeof authorOf>) => boolean,
): Promise<{ entries: Entry<T>[] } & ReadProblems> {
  return collect(kind, await myItems(store, kind, personId), schema, trusted);
}

/** The lists only owners write: their entries are trusted by their authors' membership of the owners' group. */
const OWNERS_LISTS: ReadonlySet<ProgrammeListKind> = new Set(['decisions', 'proposals', 'settings']);

/**
 * Reads every entry of a list (`only` those items it picks), each checked with `schema` and trusted
 * only as `trusted` says of its authors; in an owners' list, the authors' membership is looked up first.
 */
export async function readList<T>(
  store: ProgrammeStore,
  kind: ProgrammeListKind,
  schema: z.ZodType<T>,
  trusted: (value: T, author: ReturnType<typeof authorOf>) => boolean,
  signal?: AbortSignal,
  only: (item: Item) => boolean = () => true,
) {
  const { items: all } = await readPages(store.client, `${listUrl(store, kind)}/items?$expand=fields&$top=${PAGE_SIZE}`, `reading ${PROGRAMME_LISTS[kind]}`, signal);
  const items = all.filter(only);
  if (OWNERS_LISTS.has(kind))
    await learnOwners(
      store,
      items.flatMap((item) => Object.values(authorOf(item)).filter((id) => id !== undefined)),
      signal,
    );
  return collect(kind, items, schema, trusted);
}

/** One page of a user's transitive memberships, ids only (https://learn.microsoft.com/graph/api/user-list-transitivememberof). */
const membershipsSchema = z.object({ value: z.array(z.object({ id: z.string() })), '@odata.nextLink': z.string().optional() });
/** Another user's memberships: User.Read.All is the least privileged (the page's second table), which the app has for the directory. */
const MEMBERSHIP_SCOPES = ['User.Read.All'] as const;

/**
 * Looks up, once per store, whether each of these people belongs (directly or through nested
 * groups) to the owners' group, so that entries a second or third owner wrote are trusted like
 * those of the owner who set the store up: `GET /users/{id}/transitiveMemberOf?$select=id`, 999 a
 * page (the page's maximum), following nextLink. Someone who cannot be looked up is not an owner.
 */
export async function learnOwners(store: ProgrammeStore, personIds: Iterable<string>, signal?: AbortSignal): Promise<void> {
  for (const id of new Set(personIds)) {
    if (store.isOwner(id) || store.knownOwners.has(id)) continue;
    let owner = false;
    try {
      let url: string | undefined = `/users/${encodeURIComponent(id)}/transitiveMemberOf?$select=id&$top=999`;
      while (url && !owner) {
        const page: z.infer<typeof membershipsSchema> = readAnswer(
          membershipsSchema,
          await store.client.get(url, MEMBERSHIP_SCOPES, signal ? { signal } : {}),
          'checking who runs the programme',
        );
        owner = page.value.some((group) => group.id === store.ownerGroupId);
        url = page['@odata.nextLink'];
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      owner = false;
    }
    store.knownOwners.set(id, owner);
  }
}

/** Whether the person an entry speaks for both created and last modified it. */
export const byThePerson = (personId: string, author: ReturnType<typeof authorOf>) => author.created === personId && author.modified === personId;
const trustParticipant = (value: Participant, author: ReturnType<typeof authorOf>) => byThePerson(value.personId, author);

/**
 * Who takes part, as a reader last knew it: each trusted entry with its list item id (a deleted item
 * in delta carries only its id), and the deltaLink that reads what changed since. A device keeps it
 * between opens (services/storage/roster-cache.ts), as the entries' `participant` it read.
 */
export interface ParticipantRoster {
  /** The list it was read from (site and list id): a roster of another list is read afresh. */
  readonly list: string;
  readonly deltaLink: string;
  readonly entries: readonly { readonly itemId: string; readonly participant: Participant }[];
}

/** A roster as a device kept it: its participants are checked again before use. */
export interface KeptRoster {
  readonly list: string;
  readonly deltaLink: string;
  readonly entries: readonly { readonly itemId: string; readonly participant: unknown }[];
}

/** Whether a kept roster is of this store's participant list and every entry still reads; else undefined. */
function usableRoster(store: ProgrammeStore, kept: KeptRoster | undefined): Map<string, Participant> | undefined {
  if (!kept || kept.list !== participantList(store)) return undefined;
  const entries = new Map<string, Participant>();
  for (const { itemId, participant } of kept.entries) {
    const parsed = participantSchema.safeParse(participant);
    if (!parsed.success) return undefined;
    entries.set(itemId, parsed.data);
  }
  return entries;
}

const participantList = (store: ProgrammeStore) => `${store.siteId}/${store.listIds.participants}`;

/**
 * Everyone taking part (each entry by the person themself), through the list's delta
 * (https://learn.microsoft.com/graph/api/listitem-delta). With a roster the device kept, only what
 * changed since its deltaLink is read: an item seen again replaces the one kept (the last occurrence
 * counts, as the page says), a deleted one is dropped, and one no longer trusted or readable is
 * dropped too. Without one, or when Graph answers 410 Gone (it can no longer give the changes since
 * that token, e.g. after a long time away; the page says to start a new enumeration), everyone is
 * read afresh (`resynced`). The problems count only the entries read this time.
 */
export async function syncParticipants(store: ProgrammeStore, kept?: KeptRoster, signal?: AbortSignal): Promise<ParticipantRoster & ReadProblems & { readonly resynced: boolean }> {
  const known = usableRoster(store, kept);
  const fresh = `${listUrl(store, 'participants')}/items/delta?$expand=fields&$top=${PAGE_SIZE}`;
  let read: { items: Item[]; deltaLink: string | undefined };
  let entries = known ?? new Map<string, Participant>();
  let resynced = known === undefined;
  try {
    read = await readPages(store.client, known ? kept!.deltaLink : fresh, 'reading who takes part', signal);
  } catch (error) {
    if (!(known && error instanceof GraphRequestError && error.status === 410)) throw error;
    read = await readPages(store.client, fresh, 'reading who takes part', signal);
    entries = new Map();
    resynced = true;
  }
  if (!read.deltaLink) throw readAnswer(z.never(), undefined, 'reading who takes part');
  const damaged: string[] = [];
  let untrusted = 0;
  for (const item of read.items) {
    entries.delete(item.id);
    if (item.deleted || item['@removed'] !== undefined) continue;
    const entry = readEntry(item, participantSchema, trustParticipant);
    if (entry === 'damaged') damaged.push(`entry ${item.id} in ${PROGRAMME_LISTS.participants}`);
    else if (entry === 'untrusted') untrusted++;
    else entries.set(item.id, entry.value);
  }
  return {
    list: participantList(store),
    deltaLink: read.deltaLink,
    entries: [...entries].map(([itemId, participant]) => ({ itemId, participant })),
    untrusted,
    damaged,
    resynced,
  };
}

/**
 * Each person's newest entry, by its profile stamp: what every reader counts when a race (or a
 * person) left two entries for one person.
 */
export function newestEntries(entries: Iterable<Participant>): Map<string, Participant> {
  const newest = new Map<string, Participant>();
  for (const entry of entries) {
    const known = newest.get(entry.personId);
    if (!known || known.profileUpdated < entry.profileUpdated) newest.set(entry.personId, entry);
  }
  return newest;
}

/** Everyone taking part, read afresh (no roster kept). */
export async function readParticipants(store: ProgrammeStore, signal?: AbortSignal): Promise<{ participants: Participant[] } & ReadProblems> {
  const { entries, untrusted, damaged } = await syncParticipants(store, undefined, signal);
  return { participants: entries.map((e) => e.participant), untrusted, damaged };
}

/** An entry's fields: a title, the person it speaks for and its data as JSON. */
export const fieldsOf = (personId: string, value: unknown, title: string) => ({ Title: title, PersonId: personId, Data: JSON.stringify(value) });

/** My own entries in a list (by PersonId, an indexed column), with their authors. */
async function myItems(store: ProgrammeStore, kind: ProgrammeListKind, personId: string): Promise<Item[]> {
  const filter = encodeURIComponent(`fields/PersonId eq '${personId.replace(/'/g, "''")}'`);
  const { items } = await readPages(store.client, `${listUrl(store, kind)}/items?$expand=fields&$filter=${filter}`, `reading ${PROGRAMME_LISTS[kind]}`);
  return items;
}

/**
 * The participant entries of these people (each trusted only as written by its own person), one
 * filtered request each, for a surface that needs a few people rather than everyone (the meeting).
 */
export async function readParticipantsOf(store: ProgrammeStore, personIds: readonly string[]): Promise<Participant[]> {
  const found: Participant[] = [];
  for (const personId of new Set(personIds)) {
    for (const item of await myItems(store, 'participants', personId)) {
      const entry = readEntry(item, participantSchema, trustParticipant);
      if (typeof entry !== 'string' && entry.value.personId === personId) found.push(entry.value);
    }
  }
  return found;
}

/**
 * Saves the signed-in person's participation (`entry`), or removes it (null: they opted out).
 * Only an entry they wrote themselves is changed; one someone else wrote is left to be ignored.
 */
export async function saveMyParticipation(store: ProgrammeStore, me: string, entry: Omit<Participant, 'personId'> | null): Promise<void> {
  const mine = (await myItems(store, 'participants', me)).filter((item) => byThePerson(me, authorOf(item)));
  if (entry === null) {
    for (const item of mine) await store.client.write('DELETE', `${listUrl(store, 'participants')}/items/${encodeURIComponent(item.id)}`, PROGRAMME_STORE_SCOPES);
    return;
  }
  const value = participantSchema.parse({ ...entry, personId: me });
  const [first, ...extra] = mine;
  if (first) {
    await store.client.write('PATCH', `${listUrl(store, 'participants')}/items/${encodeURIComponent(first.id)}/fields`, PROGRAMME_STORE_SCOPES, { Data: JSON.stringify(value) });
  } else {
    await store.client.write('POST', `${listUrl(store, 'participants')}/items`, PROGRAMME_STORE_SCOPES, { fields: fieldsOf(me, value, 'participant') });
  }
  for (const item of extra) await store.client.write('DELETE', `${listUrl(store, 'participants')}/items/${encodeURIComponent(item.id)}`, PROGRAMME_STORE_SCOPES);
}

/** Decisions as last read or saved, with what the next save needs (no item yet: undefined). */
export interface StoredDecisions {
  readonly decisions: OwnerDecisions;
  readonly itemId: string | undefined;
  readonly etag: string | undefined;
}

const byAnOwner = (store: ProgrammeStore) => (_: unknown, author: ReturnType<typeof authorOf>) =>
  !!author.created && !!author.modified && store.isOwner(author.created) && store.isOwner(author.modified);

/** The owners' pins and exclusions (none before the first). The latest trusted entry counts. */
export async function readDecisions(store: ProgrammeStore): Promise<StoredDecisions & ReadProblems> {
  const read = await readList(store, 'decisions', decisionsSchema, byAnOwner(store));
  const last = read.entries.at(-1);
  return { decisions: last?.value ?? NO_OWNER_DECISIONS, itemId: last?.itemId, etag: last?.etag, untrusted: read.untrusted, damaged: read.damaged };
}

/**
 * Saves what `change` makes of the stored decisions, starting from `last`; when another owner saved
 * in between (412), reads again and applies `change` to that. Returns what is stored now.
 */
export async function changeDecisions(store: ProgrammeStore, me: string, last: StoredDecisions, change: (current: OwnerDecisions) => OwnerDecisions): Promise<StoredDecisions> {
  let base = last;
  // Items have no create-if-absent: before writing the first entry, look again, so that one another
  // owner (or tab) wrote since `last` was read is changed rather than shadowed by a second entry.
  if (!base.itemId) {
    const fresh = await readDecisions(store);
    if (fresh.itemId) base = fresh;
  }
  for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
    const decisions = change(base.decisions);
    const body = decisionsSchema.safeParse(decisions);
    if (!body.success) throw new GraphRequestError(`Too many pins or exclusions to keep (at most ${MAX_OWNER_DECISIONS} of each).`, 400, 'TooManyOwnerDecisions', undefined, undefined);
    try {
      if (!base.itemId) {
        const answer = readAnswer(
          createdSchema,
          await store.client.write('POST', `${listUrl(store, 'decisions')}/items`, PROGRAMME_STORE_SCOPES, { fields: fieldsOf(me, body.data, 'decisions') }),
          'saving pins and exclusions',
        );
        return { decisions, itemId: answer.id, etag: answer.fields?.['@odata.etag'] ?? answer.eTag };
      }
      const answer = await store.client.write(
        'PATCH',
        `${listUrl(store, 'decisions')}/items/${encodeURIComponent(base.itemId)}/fields`,
        PROGRAMME_STORE_SCOPES,
        { PersonId: me, Data: JSON.stringify(body.data) },
        base.etag ? { 'If-Match': base.etag } : {},
      );
      return { decisions, itemId: base.itemId, etag: readAnswer(fieldsSchema, answer, 'saving pins and exclusions')['@odata.etag'] };
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.status === 412)) throw error;
      base = await readDecisions(store);
    }
  }
  throw new GraphRequestError('The pins and exclusions kept changing in another window while saving; try again.', 409, 'SaveConflict', undefined, undefined);
}

/**
 * Sends proposals (one entry each), as `me`, an owner; each as sealed (its pair in a box, the entry
 * listed under the owner) or, as before sealing, in the clear. Returns them as stored.
 */
export async function sendProposals(store: ProgrammeStore, me: string, proposals: readonly (Omit<Proposal, 'sentBy'> | Omit<SealedProposal, 'sentBy'>)[]): Promise<StoredProposal[]> {
  const sent: StoredProposal[] = [];
  for (const proposal of proposals) {
    const value = storedProposalSchema.parse({ ...proposal, sentBy: me });
    await store.client.write('POST', `${listUrl(store, 'proposals')}/items`, PROGRAMME_STORE_SCOPES, {
      fields: fieldsOf('executiveId' in value ? value.executiveId : me, value, 'proposal'),
    });
    sent.push(value);
  }
  return sent;
}

/** Every proposal an owner sent, as stored (one sent by anyone else is not trusted). */
export async function readProposals(store: ProgrammeStore): Promise<{ proposals: StoredProposal[] } & ReadProblems> {
  const read = await readList(store, 'proposals', storedProposalSchema, (value, author) => byAnOwner(store)(value, author) && author.created === value.sentBy);
  return { proposals: read.entries.map((e) => e.value), untrusted: read.untrusted, damaged: read.damaged };
}

/** The signed-in person answers a proposal made to them: sealed (`{ sealed }`, what and how inside), or in the clear as before sealing. */
export async function answerProposal(
  store: ProgrammeStore,
  me: string,
  answer: { readonly proposalId: string; readonly answer: 'accepted' | 'declined' } | { readonly sealed: unknown },
  now: Date,
): Promise<StoredAnswer> {
  const value = storedAnswerSchema.parse({ ...answer, personId: me, at: now.toISOString() });
  await store.client.write('POST', `${listUrl(store, 'answers')}/items`, PROGRAMME_STORE_SCOPES, { fields: fieldsOf(me, value, 'answer') });
  return value;
}

/** Every answer as stored (each trusted only when written by the person answering). */
export async function readAnswers(store: ProgrammeStore): Promise<{ answers: StoredAnswer[] } & ReadProblems> {
  const read = await readList(store, 'answers', storedAnswerSchema, (value, author) => byThePerson(value.personId, author));
  return { answers: read.entries.map((e) => e.value), untrusted: read.untrusted, damaged: read.damaged };
}

/** The title of an owner's key entry in the settings list (the settings' own entries have another). */
const OWNER_KEY = 'owner key';
const ownerKeySchema = z.object({ personId: id, key: publicKeySchema });
const isOwnerKey = (item: Item) => item.fields?.Title === OWNER_KEY;

/** The owners' settings, as stored (undefined: none yet, the packaged values apply). */
export async function readSettings(store: ProgrammeStore): Promise<({ settings: ProgrammeSettings; itemId: string; etag: string | undefined } & ReadProblems) | undefined> {
  const read = await readList(store, 'settings', settingsSchema, byAnOwner(store), undefined, (item) => !isOwnerKey(item));
  const last = read.entries.at(-1);
  return last ? { settings: last.value, itemId: last.itemId, etag: last.etag, untrusted: read.untrusted, damaged: read.damaged } : undefined;
}

/**
 * The programme owners' public keys for sealing pair records (pair-seal.ts), by owner: each owner's
 * own entry in the settings list, trusted only when that owner wrote it.
 */
export async function readOwnerKeys(store: ProgrammeStore, signal?: AbortSignal): Promise<Map<string, string>> {
  const read = await readList(store, 'settings', ownerKeySchema, (value, author) => byThePerson(value.personId, author) && store.isOwner(value.personId), signal, isOwnerKey);
  return new Map(read.entries.map((e) => [e.value.personId, e.value.key]));
}

/**
 * Publishes the signed-in owner's public key (`me`, an owner) in the settings list, so that pair
 * records sealed from now on are readable by them; does nothing when it is there already.
 */
export async function publishOwnerKey(store: ProgrammeStore, me: string, key: string): Promise<void> {
  const mine = (await myItems(store, 'settings', me)).filter((item) => isOwnerKey(item) && byThePerson(me, authorOf(item)));
  const value = ownerKeySchema.parse({ personId: me, key });
  const [first] = mine;
  const found = first && readEntry(first, ownerKeySchema, () => true);
  if (found && typeof found !== 'string' && found.value.key === key) return;
  if (first) await store.client.write('PATCH', `${listUrl(store, 'settings')}/items/${encodeURIComponent(first.id)}/fields`, PROGRAMME_STORE_SCOPES, { Data: JSON.stringify(value) });
  else await store.client.write('POST', `${listUrl(store, 'settings')}/items`, PROGRAMME_STORE_SCOPES, { fields: fieldsOf(me, value, OWNER_KEY) });
}

/**
 * Saves the settings as `me` (an owner): over the entry read (`itemId` with its `etag`, 412 when another
 * owner saved in between, which is thrown for the owner to see), or as the first entry.
 */
export async function saveSettings(
  store: ProgrammeStore,
  me: string,
  settings: ProgrammeSettings,
  last: { itemId: string; etag: string | undefined } | undefined,
): Promise<{ itemId: string; etag: string | undefined }> {
  const value = settingsSchema.parse(settings);
  if (!last) {
    const answer = readAnswer(
      createdSchema,
      await store.client.write('POST', `${listUrl(store, 'settings')}/items`, PROGRAMME_STORE_SCOPES, { fields: fieldsOf(me, value, 'settings') }),
      'saving the programme settings',
    );
    return { itemId: answer.id, etag: answer.fields?.['@odata.etag'] ?? answer.eTag };
  }
  const answer = await store.client.write(
    'PATCH',
    `${listUrl(store, 'settings')}/items/${encodeURIComponent(last.itemId)}/fields`,
    PROGRAMME_STORE_SCOPES,
    { PersonId: me, Data: JSON.stringify(value) },
    last.etag ? { 'If-Match': last.etag } : {},
  );
  return { itemId: last.itemId, etag: readAnswer(fieldsSchema, answer, 'saving the programme settings')['@odata.etag'] };
}

/**
 * Creates whichever of the store's lists are missing on the owners' group's site (an owner's first
 * run); returns the open store. Creating a list needs the app's manage role on the site.
 */
export async function createMissingLists(client: GraphClient, ownerGroupId: string): Promise<string[]> {
  const siteId = await findProgrammeSite(client, ownerGroupId);
  const created: string[] = [];
  for (const name of Object.values(PROGRAMME_LISTS)) {
    try {
      await client.get(`/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(name)}`, PROGRAMME_STORE_SCOPES);
      continue;
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
    }
    try {
      await client.write('POST', `/sites/${encodeURIComponent(siteId)}/lists`, PROGRAMME_STORE_SCOPES, { displayName: name, columns: STORE_COLUMNS, list: { template: 'genericList' } });
      created.push(name);
    } catch (error) {
      // Another owner created it in between: it is there, which is all that was wanted.
      if (!(error instanceof GraphRequestError && error.status === 409)) throw error;
    }
  }
  return created;
}
