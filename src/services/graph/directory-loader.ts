/**
 * Loads the organisation from Microsoft Graph as fast as Graph allows, and keeps it fresh.
 *
 * Graph's limits shape the design:
 * - `/users` pages hold at most 999, but with `$expand=manager` at most 100 (Graph known issue
 *   13635), so 50,000 people are 500 pages; one after another at 200 ms each is 100 s.
 * - `$expand` does not work in advanced queries (https://learn.microsoft.com/graph/aad-advanced-queries),
 *   but the filters used here (`accountEnabled eq true`, `userType eq 'Member'`,
 *   `startswith(userPrincipalName, …)`) work by default.
 * - `$batch` carries 20 requests (https://learn.microsoft.com/graph/json-batching); throttling is per
 *   request inside it, so throttled ones are retried alone (GraphClient.batch).
 *
 * So the directory is split into disjoint partitions by the first characters of the user principal
 * name (the characters a UPN may start with: letters, digits and ' . - _ ! # ^ ~), counted first
 * (advanced `$count` in $batch), large ones split again; pages of all partitions then go in
 * batches of 20, a few batches at a time, each nextLink queued as soon as it arrives.
 * Disabled accounts (room and resource mailboxes are disabled accounts) and guests are left out by
 * the filter; a disabled manager between two people is fetched afterwards to keep the chart whole.
 * A `$deltatoken=latest` link taken before loading lets later opens fetch only what changed.
 */
import type { DirectoryPerson } from './directory-person';
import { applyDelta, readDeltaItem, readGraphUser, USER_SELECT } from './graph-user';
import type { BatchItem, GraphClient } from './graph-client';
import { latestDeltaSchema, meUserTypeSchema, userCountSchema, userDeltaPageSchema, usersPageSchema } from './directory-answers';
import { errorFromAnswer, GraphPermissionError, GuestDirectoryError, readAnswer } from './graph-errors';

/** Reading the directory with manager, department and job title needs User.Read.All (admin consent). */
export const DIRECTORY_SCOPES = ['User.Read.All'] as const;

/** Characters a user principal name may start with (case-insensitive). */
export const UPN_FIRST_CHARACTERS = [..."abcdefghijklmnopqrstuvwxyz0123456789'.-_!#^~"];

const PROGRAMME_FILTER = "accountEnabled eq true and userType eq 'Member'";
/** A partition larger than this is split by its second character. */
const SPLIT_ABOVE = 800;
const MAX_GAP_ROUNDS = 10;

/** What the loader has, saved after every batch so a reload resumes instead of starting over. */
export interface LoadCheckpoint {
  readonly pending: readonly string[];
  readonly people: readonly DirectoryPerson[];
  readonly skipped: number;
  readonly expected: number;
  readonly deltaLink: string;
}

/** The loaded directory. */
export interface DirectorySnapshot {
  readonly people: readonly DirectoryPerson[];
  /** Records that were malformed and left out. */
  readonly skipped: number;
  /** How many people Graph counted for the programme filter. */
  readonly expected: number;
  readonly deltaLink: string;
  readonly loadedAt: string;
}

/**
 * How far a load has got, for the progress bar: counting the partitions, loading pages, fetching
 * managers the filter left out, or refreshing from the delta link.
 */
export interface LoadProgress {
  readonly phase: 'counting' | 'loading' | 'completing' | 'refreshing';
  readonly loaded: number;
  readonly expected: number | undefined;
  readonly skipped: number;
}

/**
 * How a load reports progress and checkpoints, resumes from a checkpoint, and how many batches it
 * keeps in flight.
 */
export interface LoadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: LoadProgress) => void;
  readonly onCheckpoint?: (checkpoint: LoadCheckpoint) => void | Promise<void>;
  readonly resumeFrom?: LoadCheckpoint;
  /** Batches in flight at once. */
  readonly concurrency?: number;
  readonly now?: () => Date;
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const partitionFilter = (prefix: string) => `${PROGRAMME_FILTER} and startswith(userPrincipalName,${quote(prefix)})`;

function pageUrl(prefix: string): string {
  const params = new URLSearchParams({
    $select: USER_SELECT.join(','),
    $filter: partitionFilter(prefix),
    $expand: 'manager($select=id)',
    $top: '999',
  });
  return `/users?${params.toString()}`;
}

function countItem(id: string, filter: string): BatchItem {
  const params = new URLSearchParams({ $filter: filter, $count: 'true', $top: '1', $select: 'id' });
  return { id, url: `/users?${params.toString()}`, headers: { ConsistencyLevel: 'eventual' } };
}

function deltaUrl(): string {
  const params = new URLSearchParams({ $select: [...USER_SELECT, 'manager'].join(','), $deltatoken: 'latest' });
  return `/users/delta?${params.toString()}`;
}

/** Counts the programme's people per partition and plans the first page of each non-empty one. */
async function plan(client: GraphClient, signal: AbortSignal | undefined) {
  const items = [{ id: 'delta', url: deltaUrl() }, countItem('total', PROGRAMME_FILTER), ...UPN_FIRST_CHARACTERS.map((c, i) => countItem(`p${i}`, partitionFilter(c)))];
  const answers = await client.batchAll(items, DIRECTORY_SCOPES, signal);
  const byId = new Map(answers.map((a) => [a.id, a]));
  for (const answer of answers) if (answer.status !== 200) throw errorFromAnswer(answer, DIRECTORY_SCOPES);
  const deltaLink = readAnswer(latestDeltaSchema, byId.get('delta')?.body, 'starting to follow changes in the directory')['@odata.deltaLink'];
  const count = (id: string) => readAnswer(userCountSchema, byId.get(id)?.body, 'counting the people in the directory')['@odata.count'];
  const pending: string[] = [];
  UPN_FIRST_CHARACTERS.forEach((c, i) => {
    const size = count(`p${i}`);
    if (size === 0) return;
    if (size <= SPLIT_ABOVE) pending.push(pageUrl(c));
    else for (const second of UPN_FIRST_CHARACTERS) pending.push(pageUrl(c + second));
  });
  return { pending, expected: count('total'), deltaLink };
}

/**
 * A 403 on the directory means missing consent, or that the signed-in person is a guest, whom
 * Entra does not let list users (https://learn.microsoft.com/entra/fundamentals/users-default-permissions).
 * Both come as 403 Authorization_RequestDenied; the person's own `userType` tells them apart:
 * `GET /me?$select=userType` (https://learn.microsoft.com/graph/api/user-get, User.Read or any
 * User.Read.All token; a guest may read their own properties).
 */
async function explainRefusal(client: GraphClient, error: unknown, signal: AbortSignal | undefined): Promise<unknown> {
  if (!(error instanceof GraphPermissionError)) return error;
  try {
    const me = readAnswer(meUserTypeSchema, await client.get('/me?$select=id,userType', DIRECTORY_SCOPES, signal ? { signal } : {}), 'reading your account type');
    return me.userType === 'Guest' ? new GuestDirectoryError(error.requestId) : error;
  } catch {
    return error;
  }
}

/**
 * Loads everyone the programme may involve, with manager links. Resumable from a checkpoint,
 * cancellable with the signal; reports progress after every batch.
 */
export async function loadDirectory(client: GraphClient, options: LoadOptions = {}): Promise<DirectorySnapshot> {
  const { signal, onProgress, onCheckpoint } = options;
  const concurrency = options.concurrency ?? 4;
  const people = new Map<string, DirectoryPerson>();
  let skipped = 0;
  let queue: string[];
  let expected: number;
  let deltaLink: string;

  if (options.resumeFrom) {
    for (const person of options.resumeFrom.people) people.set(person.id, person);
    ({ skipped, expected, deltaLink } = options.resumeFrom);
    queue = [...options.resumeFrom.pending];
  } else {
    onProgress?.({ phase: 'counting', loaded: 0, expected: undefined, skipped: 0 });
    try {
      ({ pending: queue, expected, deltaLink } = await plan(client, signal));
    } catch (error) {
      throw await explainRefusal(client, error, signal);
    }
  }

  const inFlight = new Set<string>();
  const report = async () => {
    onProgress?.({ phase: 'loading', loaded: people.size, expected, skipped });
    await onCheckpoint?.({ pending: [...inFlight, ...queue], people: [...people.values()], skipped, expected, deltaLink });
  };

  const runBatch = async (urls: string[]) => {
    urls.forEach((url) => inFlight.add(url));
    const answers = await client.batch(
      urls.map((url, i) => ({ id: String(i), url })),
      DIRECTORY_SCOPES,
      signal,
    );
    answers.forEach((answer, i) => {
      if (answer.status !== 200) throw errorFromAnswer(answer, DIRECTORY_SCOPES);
      const page = readAnswer(usersPageSchema, answer.body, 'reading the people in the directory');
      for (const value of page.value) {
        const person = readGraphUser(value);
        if (person) people.set(person.id, person);
        else skipped++;
      }
      if (page['@odata.nextLink'] !== undefined) queue.push(page['@odata.nextLink']);
      inFlight.delete(urls[i]!);
    });
    await report();
  };

  // A small pool: start batches while there is work and room, wait for one to finish, repeat.
  const running = new Set<Promise<void>>();
  while (queue.length > 0 || running.size > 0) {
    while (queue.length > 0 && running.size < concurrency) {
      const task: Promise<void> = runBatch(queue.splice(0, 20)).finally(() => running.delete(task));
      // The race below reports the first failure; the others must not go unhandled.
      task.catch(() => undefined);
      running.add(task);
    }
    await Promise.race(running);
  }

  onProgress?.({ phase: 'completing', loaded: people.size, expected, skipped });
  skipped += await fillGaps(client, people, signal);
  return { people: [...people.values()], skipped, expected, deltaLink, loadedAt: (options.now?.() ?? new Date()).toISOString() };
}

/** Fetches managers that the filter left out (disabled or guest) so the chart stays connected. */
async function fillGaps(client: GraphClient, people: Map<string, DirectoryPerson>, signal: AbortSignal | undefined) {
  let skipped = 0;
  const tried = new Set<string>();
  for (let round = 0; round < MAX_GAP_ROUNDS; round++) {
    const missing = [...new Set([...people.values()].map((p) => p.managerId))].filter((id): id is string => id !== undefined && !people.has(id) && !tried.has(id));
    if (missing.length === 0) break;
    const params = new URLSearchParams({ $select: USER_SELECT.join(','), $expand: 'manager($select=id)' });
    missing.forEach((id) => tried.add(id));
    const answers = await client.batchAll(
      missing.map((id) => ({ id, url: `/users/${encodeURIComponent(id)}?${params}` })),
      DIRECTORY_SCOPES,
      signal,
    );
    for (const answer of answers) {
      if (answer.status === 404) continue; // deleted: the person stays at the top of their branch
      if (answer.status !== 200) throw errorFromAnswer(answer, DIRECTORY_SCOPES);
      const person = readGraphUser(answer.body);
      if (person) people.set(person.id, person);
      else skipped++;
    }
  }
  return skipped;
}

/**
 * Brings a snapshot up to date with `/users/delta`: only what changed since it was taken, usually
 * one request. People who left the programme filter stay only if they still hold the chart together.
 */
export async function refreshDirectory(
  client: GraphClient,
  snapshot: DirectorySnapshot,
  options: Pick<LoadOptions, 'signal' | 'now' | 'onProgress'> = {},
): Promise<DirectorySnapshot & { readonly changed: number }> {
  const people = new Map(snapshot.people.map((p) => [p.id, p]));
  let skipped = snapshot.skipped;
  let changed = 0;
  let link: string | undefined = snapshot.deltaLink;
  let deltaLink = snapshot.deltaLink;
  options.onProgress?.({ phase: 'refreshing', loaded: people.size, expected: snapshot.expected, skipped });
  while (link) {
    const answer: unknown = await client.get(link, DIRECTORY_SCOPES, { ...(options.signal ? { signal: options.signal } : {}) });
    const page = readAnswer(userDeltaPageSchema, answer, 'reading what changed in the directory');
    for (const value of page.value) {
      const item = readDeltaItem(value);
      if (!item) {
        skipped++;
        continue;
      }
      changed++;
      const updated = applyDelta(people.get(item.id), item);
      if (updated) people.set(item.id, updated);
      else people.delete(item.id);
    }
    link = page['@odata.nextLink'];
    if (page['@odata.deltaLink']) deltaLink = page['@odata.deltaLink'];
  }
  return {
    people: [...people.values()],
    skipped,
    expected: snapshot.expected,
    deltaLink,
    loadedAt: (options.now?.() ?? new Date()).toISOString(),
    changed,
  };
}
