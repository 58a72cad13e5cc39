/**
 * The demo tenant's programme store: the programme owners' group (Priya Raman, the demo's programme
 * owner), its team site with the app granted the manage role on it (the README's one admin step),
 * the store's lists as her first run (`ensureProgrammeStore`) creates them, and one participant
 * entry for every person with a demo profile, authored by that person, as if each had saved their
 * profile through the app (with their pairing keys: demo-pair-keys.ts), and the owner's key; with
 * `roundAsOf`, a round in progress (demo-round.ts) for the owners' health view. Damaged
 * profiles count too: their people did save, from some version of the app, and the loader should
 * still find and report them.
 */
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { PROGRAMME_LISTS, STORE_COLUMNS } from '@/services/programme/programme-store';
import { PERSON_KEY_FILE } from '@/services/programme/person-key';
import { demoKeyFiles } from './demo-pair-keys';
import { demoRound, demoRoundSettings } from './demo-round';
import type { FakeGraph } from './fake-graph';
import type { FakeListColumn, SiteRole } from './fake-lists';

/** The demo's programme owners' group (a Microsoft 365 group with a team site). */
export const DEMO_OWNER_GROUP_ID = 'b0b0b0b0-0000-4000-8000-00000000a11e';

const priya = DEMO_PEOPLE.find((p) => p.role === 'programme owner')!;

/** The demo's groups: the owners' group has the programme owner. */
export const DEMO_GROUPS: ReadonlyMap<string, ReadonlySet<string>> = new Map([[DEMO_OWNER_GROUP_ID, new Set([priya.id])]]);
/** The role the demo's admin granted the app on the owners' site (Sites.Selected). */
export const DEMO_SITE_GRANTS: ReadonlyMap<string, SiteRole> = new Map([[DEMO_OWNER_GROUP_ID, 'manage']]);

const columns: FakeListColumn[] = STORE_COLUMNS.map((c) => ({ name: c.name, kind: 'text', multiLine: 'allowMultipleLines' in c.text, indexed: 'indexed' in c && c.indexed }));
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The demo's pairing key files to put in people's app folders (demo-pair-keys.ts). */
export type DemoKeyFiles = readonly { readonly ownerId: string; readonly name: string; readonly content: string }[];

/**
 * Creates the store's lists and the participants of the demo's profiles (extensions as
 * generateDemoProfiles makes them), each with their pairing key (in their app folder, the public half
 * in their entry), and the owner's key; returns the key files, for a demo that restores its drives.
 */
export async function seedDemoProgrammeStore(
  graph: FakeGraph,
  extensions: ReadonlyMap<string, Readonly<Record<string, Record<string, unknown>>>>,
  asOf = '2026-01-01',
  options: { readonly roundAsOf?: Date } = {},
): Promise<DemoKeyFiles> {
  const participants = [...extensions].filter(([, byName]) => byName[PROFILE_EXTENSION]).map(([id]) => id);
  const keys = await demoKeyFiles([...participants, priya.id]);
  const files = [...keys].map(([ownerId, file]) => ({ ownerId, name: PERSON_KEY_FILE, content: JSON.stringify(file) }));
  graph.drives.seedAppFiles(files);
  for (const name of Object.values(PROGRAMME_LISTS)) graph.lists.seedList(DEMO_OWNER_GROUP_ID, priya.id, name, columns);
  // Priya reads the pairs, as an owner whose programme view has opened once (pair-records.ts, becomeRecordsReader).
  graph.lists.seedItem(DEMO_OWNER_GROUP_ID, PROGRAMME_LISTS.settings, priya.id, {
    Title: 'owner key',
    PersonId: priya.id,
    Data: JSON.stringify({ personId: priya.id, key: keys.get(priya.id)!.publicKey }),
  });
  const round = options.roundAsOf ? await demoRound(new Map(participants.map((id) => [id, extensions.get(id)![PROFILE_EXTENSION]!])), keys, priya.id, options.roundAsOf) : undefined;
  for (const personId of participants) {
    const profile = extensions.get(personId)![PROFILE_EXTENSION]!;
    const mentor = typeof profile.mentorCapacity === 'number';
    const mentee = Array.isArray(profile.wantsToLearn);
    const updated = typeof profile.updated === 'string' && ISO.test(profile.updated) ? profile.updated : `${asOf}T09:00:00.000Z`;
    const inRound = round?.entries.get(personId);
    const entry = {
      personId,
      role: mentor && mentee ? 'both' : mentor ? 'mentor' : 'executive',
      profileUpdated: updated,
      profile: { ...profile, ...inRound?.profile },
      key: keys.get(personId)!.publicKey,
      sealed: inRound?.sealed ?? [],
    };
    graph.lists.seedItem(DEMO_OWNER_GROUP_ID, PROGRAMME_LISTS.participants, personId, { Title: 'participant', PersonId: personId, Data: JSON.stringify(entry) });
  }
  if (options.roundAsOf) {
    graph.lists.seedItem(DEMO_OWNER_GROUP_ID, PROGRAMME_LISTS.settings, priya.id, {
      Title: 'settings',
      PersonId: priya.id,
      Data: JSON.stringify({ rounds: [demoRoundSettings(options.roundAsOf)] }),
    });
  }
  for (const checkIn of round?.checkIns ?? []) {
    graph.lists.seedItem(DEMO_OWNER_GROUP_ID, PROGRAMME_LISTS.checkIns, checkIn.personId, { Title: 'check-in', PersonId: checkIn.personId, Data: JSON.stringify(checkIn) });
  }
  return files;
}
