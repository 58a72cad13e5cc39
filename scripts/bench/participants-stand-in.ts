/**
 * A stand-in for the programme store's participant list, for bench:programme only, until the store
 * (issue 13) lands: the integrator replaces {@link readParticipantsStandIn} by the store's
 * `readParticipants`. It serves one SharePoint-list-like paged read,
 * `GET /sites/{site}/lists/{list}/items?$expand=fields(...)` (https://learn.microsoft.com/graph/api/listitem-list),
 * 200 items a page (the page size is not documented; SharePoint's usual 200 is the stricter
 * choice), with the same latency as the fake Graph, and counts its requests.
 */
import type { Participant } from '../../src/application/programme/programme-profiles.ts';
import { GRAPH_ROOT } from '../../src/demo/graph/fake-graph.ts';
import type { FetchLike, GraphClient } from '../../src/services/graph/graph-client.ts';
import { PROFILE_EXTENSION } from '../../src/services/profile/profile-extension.ts';

const ITEMS = '/sites/bench-programme/lists/participants/items';
const PAGE = 200;

/**
 * The participant entries a store would hold for the seeded profiles: who, in which role, stamped
 * with the profile's `updated`; with `copies`, the profile itself too.
 */
export function participantsOf(extensions: ReadonlyMap<string, Readonly<Record<string, Record<string, unknown>>>>, copies = false): Participant[] {
  return [...extensions].map(([personId, byName]) => {
    const p = byName[PROFILE_EXTENSION] ?? {};
    const role = p.mentorCapacity && p.wantsToLearn ? 'both' : p.mentorCapacity ? 'mentor' : 'mentee';
    return { personId, role, profileUpdated: typeof p.updated === 'string' ? p.updated : '', ...(copies ? { profile: p } : {}) };
  });
}

/** A fetch that answers the stand-in list and passes everything else to the fake Graph. */
export function withParticipantList(fetch: FetchLike, participants: () => readonly Participant[], latencyMs: number) {
  const profileOf = (p: Participant) => (p.profile === undefined ? {} : { Profile: JSON.stringify(p.profile) });
  const stats = { requests: 0 };
  const listFetch: FetchLike = async (input, init) => {
    const url = new URL(new Request(input, init).url);
    if (!url.pathname.endsWith(ITEMS)) return fetch(input, init);
    stats.requests++;
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const from = Number(url.searchParams.get('$skiptoken') ?? 0);
    const all = participants();
    const value = all
      .slice(from, from + PAGE)
      .map((p, i) => ({ id: String(from + i + 1), fields: { PersonId: p.personId, Role: p.role, ProfileUpdated: p.profileUpdated, ...profileOf(p) } }));
    const next = from + PAGE < all.length ? { '@odata.nextLink': `${GRAPH_ROOT}${ITEMS}?$expand=fields&$skiptoken=${from + PAGE}` } : {};
    return new Response(JSON.stringify({ value, ...next }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: listFetch, stats };
}

interface ItemsPage {
  value: { fields: { PersonId: string; Role: Participant['role']; ProfileUpdated: string; Profile?: string } }[];
  '@odata.nextLink'?: string;
}

/** Reads every participant, page after page (what the store's `readParticipants` will do). */
export async function readParticipantsStandIn(client: GraphClient): Promise<Participant[]> {
  const participants: Participant[] = [];
  for (let link: string | undefined = `${ITEMS}?$expand=fields($select=PersonId,Role,ProfileUpdated,Profile)`; link;) {
    const page: ItemsPage = await client.get(link, ['Sites.Read.All']);
    for (const { fields } of page.value) {
      participants.push({
        personId: fields.PersonId,
        profileUpdated: fields.ProfileUpdated,
        ...(fields.Role ? { role: fields.Role } : {}),
        ...(fields.Profile ? { profile: JSON.parse(fields.Profile) as unknown } : {}),
      });
    }
    link = page['@odata.nextLink'];
  }
  return participants;
}
