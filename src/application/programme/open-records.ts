/**
 * Opening pair records sealed to the signed-in person (pair-records.ts seals them): what every surface
 * does before it shows anyone's requests or pairings, kept apart from sealing, which loads later.
 */
import { z } from 'zod';
import { readPartnerRecords, withPartnerRecords, type PartnerRecords } from '@/services/profile/profile-store';
import { myPairSeal } from '@/services/programme/person-key';
import { MAX_READERS, type PairSeal } from '@/services/programme/pair-seal';
import type { Participant } from '@/services/programme/programme-store';
import type { GraphClient } from '@/services/graph/graph-client';

const toSchema = z.object({ to: z.array(z.string().max(80)).max(MAX_READERS) });

/** One partner's records as opened, with whom the box was sealed for. */
export interface OpenedPart {
  readonly part: PartnerRecords;
  readonly to: readonly string[];
}

/**
 * The parts of an entry this reader may take: all of them for its writer and for an owner; for anyone
 * else only the part about them (a box sealed for one reader about someone else is not a record they
 * have a part in). One part per partner, the first.
 */
export async function openBoxes(seal: PairSeal | undefined, entry: Participant, reader: { readonly me: string; readonly owner: boolean }): Promise<{ parts: OpenedPart[]; unread: number }> {
  const parts: OpenedPart[] = [];
  let unread = 0;
  for (const box of entry.sealed ?? []) {
    const text = seal && entry.key ? await seal.open(box, entry.personId, entry.key) : undefined;
    const part = text === undefined ? undefined : readPartnerRecords(text);
    if (!part) {
      unread++;
      continue;
    }
    const mayRead = entry.personId === reader.me || reader.owner || part.with === reader.me;
    if (!mayRead || parts.some((p) => p.part.with === part.with)) continue;
    const to = toSchema.safeParse(JSON.parse(text!) as unknown);
    parts.push({ part, to: to.success ? to.data.to : [] });
  }
  return { parts, unread };
}

/**
 * The entries as the signed-in person (`me`) reads them: each sealed entry's profile with the records
 * sealed to them put back, marked partial when some were sealed to others, and one's own when any of
 * it does not open (the key file cannot be read, or was deleted): then nothing is saved over it
 * ({@link sealedEntry}). `owner`: the reader is a programme owner whose key is among the owners'.
 */
export async function openParticipants(client: GraphClient, me: string, entries: readonly Participant[], options: { readonly owner?: boolean } = {}): Promise<Participant[]> {
  if (!entries.some((e) => e.sealed?.length)) return [...entries];
  const seal = await myPairSeal(client);
  const reader = { me, owner: options.owner === true };
  return Promise.all(
    entries.map(async (entry) => {
      if (!entry.sealed?.length || !entry.profile) return entry;
      const { parts, unread } = await openBoxes(seal, entry, reader);
      return {
        ...entry,
        profile: withPartnerRecords(
          entry.profile,
          parts.map((p) => p.part),
          unread > 0,
        ),
      };
    }),
  );
}
