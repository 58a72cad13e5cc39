/**
 * Opening the pair's agenda in a meeting surface, headless: resolve the pair whose meeting this is,
 * read its workspace, start the sync, then (after the saved agenda is on screen) join live editing.
 * No React, no browser globals, no clock: the meeting feature's hook passes them in, and unit tests
 * drive it against the fake Graph.
 */
import type { Editor } from '@/domain/agenda/agenda';
import { resolveMeetingPair, type KnownPair, type MeetingIdentity, type MeetingPair } from '@/domain/booking/meeting-pair';
import { sessionOn, type BookingRecord } from '@/domain/booking/pair-schedule';
import { AgendaFormatError } from '@/services/agenda/agenda-schema';
import { AgendaSync } from '@/services/agenda/agenda-sync';
import { deviceCopy, type DeviceStorage } from '@/services/agenda/device-copy';
import type { LiveAgenda } from '@/services/agenda/live-agenda';
import { LiveSeal, newLiveKey } from '@/services/agenda/live-crypto';
import { ensureLiveKey, parseWorkspaceRef, readWorkspace, saveAgenda, type WorkspaceRef } from '@/services/agenda/workspace-store';
import { seriesMeetings } from '@/services/booking/series-meetings';
import { GraphLinkError, type GraphClient } from '@/services/graph/graph-client';
import { GraphAnswerError, GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import { readDisplayName } from '@/services/graph/user-name';
import { describeStoreFailure } from '@/application/programme/programme-store-setup';
import { openProgrammeStore, readParticipantsOf, type Participant } from '@/services/programme/programme-store';
import { openParticipants } from '@/application/programme/open-records';
import { readMyProfile, readProfiles, readStoredProfile, type StoredProfile } from '@/services/profile/profile-store';

/** The two people of a pair, by role. */
export interface PairPeople {
  readonly executive: { readonly id: string; readonly name: string };
  readonly mentor: { readonly id: string; readonly name: string };
}

/** What a meeting surface shows of the pair's agenda, as opening it goes. */
export type PairAgenda =
  | { readonly status: 'resolving' }
  /** No pair's agenda here: the person has no pair, or this meeting is none of theirs (or could be more than one). */
  | { readonly status: 'unlinked'; readonly reason?: Extract<MeetingPair, { kind: 'none' }>['reason'] }
  /** `retry` opens it again (the hook adds it). */
  | { readonly status: 'failed'; readonly message: string; readonly retry?: () => void }
  | {
      readonly status: 'ready';
      readonly sync: AgendaSync;
      readonly people: PairPeople;
      readonly me: string;
      /** The session this meeting is (a UTC date). */
      readonly session: string;
      readonly booking: BookingRecord | undefined;
    };

/** Who joins live editing: this surface's replica id, the person, their name, and the pair's key. */
export interface LiveWho {
  readonly client: string;
  readonly person: string;
  readonly name: string;
  readonly seal: LiveSeal;
}

/** What opening the agenda is given: Graph, who, where, the device's storage, the clock, and live editing. */
export interface OpenPairAgendaOptions {
  /** Microsoft Graph as the signed-in person (the fake in demo mode and in tests); a failure to get it is told as any other. */
  readonly graph: () => Promise<GraphClient>;
  /** The programme owners' group, whose store keeps the pair records (none: they are in the profiles). */
  readonly programmeGroupId?: string | undefined;
  readonly me: { readonly id: string; readonly displayName: string | undefined };
  /** The workspace the tab's link names (`?workspace=driveId/itemId`), if any. */
  readonly linked: WorkspaceRef | undefined;
  /** The meeting this surface is in, as the host says (the meeting chat's id); empty outside a meeting. */
  readonly meeting: MeetingIdentity;
  /** Where this device keeps the edits not saved yet (localStorage in the browser). */
  readonly storage: DeviceStorage;
  /** The clock: today's UTC date names the session this meeting is. */
  readonly now: () => Date;
  /**
   * A new id for this open surface: each surface (side panel, chat tab, stage, another window) is
   * its own replica of the agenda, so two surfaces of one person never overwrite each other.
   */
  readonly newSurfaceId: () => string;
  /** The meeting's key for live editing (meeting or chat id); the workspace's when the host gives none. */
  readonly meetingKey: string | undefined;
  /**
   * Joins live editing; absent when this surface does not go live. Resolves undefined where the
   * host has no Live Share (checked before creating anything); a throw means the same, once.
   */
  readonly joinLive?: (meetingKey: string, who: LiveWho) => Promise<LiveAgenda | undefined>;
  /** Makes the live key for a workspace that has none (tests: to race two clients). */
  readonly newLiveKey?: () => Promise<string>;
  /** Told why joining live editing failed (for the console, never the screen). */
  readonly onLiveFailure?: (error: unknown) => void;
  /** Told each state as it comes. */
  readonly onState: (state: PairAgenda) => void;
  /** False once the surface has gone (the hook's effect was cleaned up). */
  readonly isCurrent: () => boolean;
}

/**
 * The pair of a meeting, or why there is none: the pair's workspace, its booking record (kept by
 * the executive) and who is who.
 */
export type ResolvedMeetingPair =
  | { readonly kind: 'none'; readonly reason: Extract<MeetingPair, { kind: 'none' }>['reason'] }
  | { readonly kind: 'pair'; readonly ref: WorkspaceRef; readonly booking: BookingRecord; readonly executiveId: string; readonly mentorId: string };

/**
 * The pair whose meeting this is: this person's pairs (their own bookings, and the bookings of the
 * executives they mentor, who keep the records), each with its series' meeting from their calendar,
 * matched against the meeting and the tab's link. Never the first booking by default.
 */
export async function resolvePairOfMeeting(
  client: GraphClient,
  me: string,
  linked: WorkspaceRef | undefined,
  meeting: MeetingIdentity,
  programmeGroupId?: string,
): Promise<ResolvedMeetingPair> {
  const kept = await keptRecords(client, programmeGroupId, me, [me]);
  let own = kept.get(me);
  if (!own) {
    const mine = await readMyProfile(client, me);
    own = mine && !('damaged' in mine) ? mine : undefined;
  }
  const known: KnownPair[] = (own?.bookings ?? []).map((booking) => ({ booking, executiveId: me }));
  if (own?.accepted?.length) {
    const theirs = await keptRecords(client, programmeGroupId, me, own.accepted);
    const rest = own.accepted.filter((id) => !theirs.has(id));
    const { profiles } = rest.length ? await readProfiles(client, rest) : { profiles: [] };
    for (const p of [...theirs.values(), ...profiles]) for (const booking of p.bookings ?? []) if (booking.with === me) known.push({ booking, executiveId: p.personId });
  }
  const live = known.filter((k) => !k.booking.ended);
  let meetings = new Map<string, MeetingIdentity>();
  if (live.length > 0 && (meeting.chatId || meeting.joinUrl)) {
    try {
      meetings = await seriesMeetings(
        client,
        live.map((k) => k.booking.uid),
      );
    } catch {
      // Not known then: the tab's link alone can still name the pair.
    }
  }
  const link = { workspace: linked ? `${linked.driveId}/${linked.itemId}` : undefined };
  const resolved = resolveMeetingPair(
    me,
    meeting,
    link,
    // Ended pairings too: the domain opens one only by its own link (its workspace stays).
    known.map((k) => ({ ...k, meeting: meetings.get(k.booking.uid) })),
  );
  if (resolved.kind === 'none') return resolved;
  // A record from before workspaces had refs: the tab in the pair's own meeting links it.
  const ref = parseWorkspaceRef(resolved.pair.booking.ref) ?? (resolved.by === 'meeting' ? linked : undefined);
  if (!ref) return { kind: 'none' as const, reason: 'not-this-meeting' as const };
  return { kind: 'pair' as const, ref, booking: resolved.pair.booking, executiveId: resolved.pair.executiveId, mentorId: resolved.mentorId };
}

/**
 * These people's profiles with their pair records, as their participant entries in the programme
 * store keep them (my-profile.ts: the records live there when there is a store). Empty without a
 * store, or one not set up, granted or found (the profiles then hold the records); a store that
 * cannot be reached for now fails the resolving, which the surface offers to try again.
 */
async function keptRecords(client: GraphClient, programmeGroupId: string | undefined, me: string, personIds: readonly string[]): Promise<Map<string, StoredProfile>> {
  const kept = new Map<string, StoredProfile>();
  if (!programmeGroupId || personIds.length === 0) return kept;
  let entries: Participant[];
  try {
    entries = await readParticipantsOf(await openProgrammeStore(client, programmeGroupId), personIds);
  } catch (error) {
    if (describeStoreFailure(error).reason === 'unavailable') throw error;
    return kept;
  }
  // Only the records sealed to this person open (pair-records.ts); a key that cannot be read fails the resolving.
  for (const entry of await openParticipants(client, me, entries)) {
    const read = entry.profile === undefined ? undefined : readStoredProfile(entry.personId, entry.profile);
    const known = kept.get(entry.personId);
    if (read && !('damaged' in read) && (!known || known.updated < read.updated)) kept.set(entry.personId, read);
  }
  return kept;
}

/** The partner's name for the agenda's people; a stand-in when the directory cannot say. */
async function nameOf(client: GraphClient, id: string): Promise<string> {
  try {
    return (await readDisplayName(client, id)) ?? 'Your partner';
  } catch {
    return 'Your partner';
  }
}

/**
 * Opens the pair agenda of the meeting this surface is in: the saved agenda first (from the pair
 * workspace), then live with the other participant. The sync comes with the `ready` state (the
 * caller disposes it); returns the live session once joined.
 */
export async function openPairAgenda(options: OpenPairAgendaOptions): Promise<LiveAgenda | undefined> {
  const { me, storage, onState, isCurrent } = options;
  try {
    const client = await options.graph();
    if (!isCurrent()) return undefined;
    const pair = await resolvePairOfMeeting(client, me.id, options.linked, options.meeting, options.programmeGroupId);
    if (!isCurrent()) return undefined;
    if (pair.kind === 'none') {
      onState({ status: 'unlinked', reason: pair.reason });
      return undefined;
    }
    const stored = await readWorkspace(client, pair.ref);
    const { executiveId, mentorId } = pair;
    const partnerId = executiveId === me.id ? mentorId : executiveId;
    const partnerName = await nameOf(client, partnerId);
    const myName = me.displayName ?? 'You';
    // One replica per open surface; what this person left unsaved on the device is merged in at start.
    const surface = options.newSurfaceId();
    const editor: Editor = { client: `${me.id}:${surface}`, person: me.id };
    const workspaceKey = `${pair.ref.driveId}/${pair.ref.itemId}`;
    // The first load is the read above; a later one (after going offline) reads again.
    let first: typeof stored | undefined = stored;
    const sync = new AgendaSync({
      editor,
      load: async () => {
        const ready = first;
        first = undefined;
        return ready ?? readWorkspace(client, pair.ref);
      },
      save: (doc, last) => saveAgenda(client, pair.ref, doc, last),
      cache: deviceCopy(storage, me.id, workspaceKey, surface),
    });
    await sync.start();
    if (!isCurrent()) {
      sync.dispose();
      return undefined;
    }
    const today = options.now().toISOString().slice(0, 10);
    onState({
      status: 'ready',
      sync,
      me: me.id,
      session: pair.booking ? sessionOn(pair.booking, today) : today,
      booking: pair.booking,
      people: {
        executive: { id: executiveId, name: executiveId === me.id ? myName : partnerName },
        mentor: { id: mentorId, name: mentorId === me.id ? myName : partnerName },
      },
    });
    if (!options.joinLive) return undefined;
    // Live Share and Fluid load after the saved agenda is on screen. What goes over it is sealed
    // with the pair's key from the workspace (added, once, to a workspace made before keys).
    let live: LiveAgenda | undefined;
    try {
      const { liveKey } = await ensureLiveKey(client, pair.ref, stored, options.newLiveKey ?? newLiveKey);
      const who: LiveWho = { client: editor.client, person: me.id, name: myName, seal: await LiveSeal.fromKey(liveKey) };
      live = await options.joinLive(options.meetingKey ?? workspaceKey, who);
    } catch (error) {
      // Creating Live Share's host or joining its container failed (a host or surface without it):
      // the saved agenda stays on screen and editable. Tried once; opening the surface again retries.
      options.onLiveFailure?.(error);
    }
    if (!isCurrent()) {
      live?.dispose();
      return undefined;
    }
    if (!live) {
      sync.liveUnavailable();
      return undefined;
    }
    sync.attachLive(live);
    return live;
  } catch (error) {
    if (isCurrent()) onState({ status: 'failed', message: describeAgendaFailure(error) });
    return undefined;
  }
}

/**
 * What to tell a person whose agenda could not be opened: what happened and what to do, in words,
 * never the raw text of Graph or the network (issue 11's quality bar).
 */
export function describeAgendaFailure(error: unknown): string {
  // Names the permission and who grants it.
  if (error instanceof GraphPermissionError) return error.message;
  if (error instanceof AgendaFormatError) {
    return 'The pair workspace file is damaged beyond what can be read. The executive who booked the sessions can open it in OneDrive and restore an earlier version.';
  }
  if (error instanceof GraphRequestError && (error.status === 404 || error.status === 410)) {
    return 'The pair workspace file is no longer there, or no longer shared with you. Ask your partner to check it in OneDrive, or book the sessions again to make a new one.';
  }
  if (error instanceof GraphLinkError) return 'Microsoft 365 answered in a way this app does not trust, so it stopped. Try again later.';
  if (error instanceof GraphAnswerError) {
    return 'Microsoft 365 gave an answer this app could not read, so it stopped before changing anything. Try again in a moment; if it keeps happening, tell your Microsoft 365 admin. Nothing you wrote is lost.';
  }
  if (error instanceof GraphRequestError && error.status >= 500) {
    return 'Microsoft 365 could not be reached just now. Check your connection, then try again: nothing you wrote is lost.';
  }
  return 'Something went wrong while opening the agenda. Try again in a moment: nothing you wrote is lost.';
}
