import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Notifier } from '@/application/notifications/notifier';
import type { Participation, ProfileChange } from '@/application/programme/my-profile';
import type { Matcher } from '@/domain/matching/engine';
import type { OrgModel } from '@/domain/org/org-model';
import type { DirectoryView } from '@/services/graph/directory-service';
import type { DirectoryPerson } from '@/services/graph/directory-person';
import type { StoredProfile } from '@/services/profile/profile-store';
import { useServices } from './services-context';
import { useDirectory } from './use-directory';
import { BROWSER_REFRESH, useRefreshWhileVisible, type RefreshSchedule } from './use-refresh-while-visible';
import { useProgrammeSettings } from './use-programme-settings';

export interface ProfilesState {
  readonly status: 'waiting' | 'loading' | 'ready' | 'failed';
  readonly list: readonly StoredProfile[];
  readonly damaged: readonly { readonly personId: string; readonly problem: string }[];
  readonly error?: Error;
  /** While loading: how many people's profiles were read so far, of how many. */
  readonly progress?: { readonly read: number; readonly total: number };
  /**
   * While loading: the list is already usable for suggestions (the device's cached copy, or the
   * signed-in person and every reverse mentor are read), and is refined when the rest arrives.
   */
  readonly partial?: boolean;
}

/** Everything the personal tab's features share: the organisation, the profiles, the matcher. */
export interface ProgrammeState {
  readonly directory: DirectoryView | undefined;
  readonly cancelDirectory: () => void;
  readonly retryDirectory: () => void;
  readonly people: ReadonlyMap<string, DirectoryPerson>;
  readonly model: OrgModel | undefined;
  readonly profiles: ProfilesState;
  readonly matcher: Matcher | undefined;
  /** The signed-in person's profile; undefined when they have not opted in. */
  readonly me: StoredProfile | undefined;
  /** Changes some fields of the signed-in person's existing profile (undefined removes one). */
  readonly updateMyProfile: (change: ProfileChange) => Promise<void>;
  readonly optOut: () => Promise<void>;
  /**
   * The last profile change was saved but the programme store's participants could not be told
   * (application/programme/my-profile.ts), in words; undefined when the last one went through.
   */
  readonly participationProblem: string | undefined;
  /**
   * Where a saved profile is also recorded as the person's participation (with the copy others'
   * apps read); undefined without a programme store. Every use case that saves the profile takes it.
   */
  readonly participation: Participation | undefined;
  /** Reads everyone's profiles again (others may have answered). */
  readonly reloadProfiles: () => void;
  /** Shows the signed-in person's profile as a use case saved it (undefined: opted out). */
  readonly keepMyProfile: (saved: StoredProfile | undefined) => void;
  /** The clock the use cases read. */
  readonly now: () => number;
  /**
   * Graph refused for lack of admin consent (a GraphPermissionError, whose message names the
   * permission and who grants it): nothing on the home can work, so it says so once, in place of
   * every card, and no card waits for a load that will not come.
   */
  readonly blocked: Error | undefined;
  /**
   * A card's own call failed: what to show, in words (`failed` says what did not happen, "Could
   * not send your answer"); a refused permission also blocks the home ({@link blocked}).
   */
  readonly reportFailure: (error: unknown, failed: string) => Promise<string>;
  /** Tries everything again (after an admin has granted consent). */
  readonly retryAll: () => void;
  /** Tells the other person in Teams of what the signed-in person did; never fails (application/notifications). */
  readonly notifier: Notifier;
  /** Said once when people could not be told in Teams (no permission, or the app not installed for them): one quiet line. */
  readonly notice: string | undefined;
}

/** Whether Graph refused for lack of consent; by name, so the first screen does not load the Graph errors' code. */
export const isPermissionError = (error: unknown): error is Error => error instanceof Error && error.name === 'GraphPermissionError';

const ProgrammeContext = createContext<ProgrammeState | undefined>(undefined);

// The org model and the matching engine run once the directory is in, after first paint: so does their code.
const loadProgramme = () => import('@/application/programme/open-programme');
const loadMyProfile = () => import('@/application/programme/my-profile');
// Notifications go out after someone acts, never before first paint: so does their code.
const loadNotifier = () => import('@/application/notifications/notifier');
type Programme = Awaited<ReturnType<typeof loadProgramme>>;
/** The clock the programme's use cases read (which series have ended, time-zone offsets, "updated"). */
const now = () => Date.now();

/**
 * Loads the organisation once for all features of a surface, then everyone's profiles: a thin React
 * binding over application/programme (open-programme.ts builds the model, reads the profiles and
 * makes the matcher with the programme's rules, past pairs included; my-profile.ts saves).
 */
export function ProgrammeProvider({
  children,
  refresh = BROWSER_REFRESH,
}: {
  children: ReactNode;
  /** When to read the profiles again on its own (tests inject their timers). */ refresh?: RefreshSchedule;
}) {
  const { graph, user, config, teamsApp, programmeGroupId } = useServices();
  const { levelGap } = useProgrammeSettings().rules;
  const [notice, setNotice] = useState<string | undefined>();
  const notifier = useMemo<Notifier>(() => {
    let loaded: Promise<Notifier> | undefined;
    const real = () =>
      (loaded ??= loadNotifier().then((m) =>
        m.activityFeedNotifier({ graph, app: { teamsAppId: teamsApp.teamsAppId, tenantId: teamsApp.tenantId }, programmeName: config.programme.name, onNotice: setNotice }),
      ));
    // In the background: the person's action is done once it is saved, not once Teams has been told.
    return {
      notify: (kind, recipientId) => {
        // The notifier's code could not load (the network went): nobody was told, and the person hears it once.
        void real().then(
          (n) => n.notify(kind, recipientId),
          () => setNotice('Someone could not be told in Teams just now; they will see it when they open the app.'),
        );
        return Promise.resolve('queued');
      },
    };
  }, [graph, teamsApp, config.programme.name]);
  const { view, cancel, retry } = useDirectory();
  const [profiles, setProfiles] = useState<ProfilesState>({ status: 'waiting', list: [], damaged: [] });
  // A quiet reload (on its own, while the tab is open) keeps what is shown until the new profiles are in.
  const [reloads, setReloads] = useState({ count: 0, quiet: false });
  /** A read of the profiles is under way: a quiet one waits for it rather than cancel it (at scale a read takes long). */
  const reading = useRef(false);
  const [reported, setReported] = useState<Error | undefined>();

  const snapshot = view?.status === 'ready' ? view.snapshot : undefined;
  const [programme, setProgramme] = useState<Programme | undefined>();
  useEffect(() => {
    if (snapshot && !programme) void loadProgramme().then(setProgramme);
  }, [snapshot, programme]);
  const people = useMemo(() => new Map((snapshot?.people ?? []).map((p) => [p.id, p])), [snapshot]);
  const model = useMemo(() => (snapshot && programme ? programme.orgModelOf(snapshot) : undefined), [snapshot, programme]);

  // Every profile change also refreshes the person's participant entry (its profile stamp), so a
  // reader's cache knows to read the profile again.
  const [participationProblem, setParticipationProblem] = useState<string | undefined>();
  const participation = useMemo(
    () =>
      programmeGroupId
        ? {
            store: async () => (await import('@/application/programme/programme-store-setup')).openStore(await graph(), programmeGroupId),
            onProblem: setParticipationProblem,
          }
        : undefined,
    [graph, programmeGroupId],
  );

  useEffect(() => {
    if (!snapshot || !programme) return;
    let current = true;
    // A newer snapshot (the cached directory refreshed) or a reload starts again: the reads of this one stop.
    const abort = new AbortController();
    // A quiet reload (on its own, while the tab is open) keeps what is shown until the new profiles are in.
    const quiet = reloads.quiet;
    if (!quiet) setProfiles((state) => ({ status: 'loading', list: state.list, damaged: state.damaged, ...(state.partial ? { partial: true } : {}) }));
    reading.current = true;
    void (async () => {
      try {
        const [client, storage, rosters, { deviceKeyOf }] = await Promise.all([
          graph(),
          import('@/services/storage/profile-cache'),
          import('@/services/storage/roster-cache'),
          import('@/services/storage/app-database'),
        ]);
        const onDevice = typeof indexedDB !== 'undefined';
        const cache = onDevice ? storage.createIndexedDbProfileCache() : storage.createMemoryProfileCache();
        const key = deviceKeyOf(user);
        // Only the programme's participants are read, from its store (with the copy of each one's
        // profile the store keeps; on a later open only what changed); without a store (no owners'
        // group configured, not set up yet, no such group's site, or not granted: the person is told of
        // this last, which their admin mends), everyone active is.
        const roster = programmeGroupId
          ? await (
              await import('@/application/programme/programme-store-setup')
            ).storeParticipants(client, programmeGroupId, {
              kept: { cache: onDevice ? rosters.createIndexedDbRosterCache() : rosters.createMemoryRosterCache(), key },
              signal: abort.signal,
              me: user.id,
            })
          : undefined;
        if (current && roster && 'unavailable' in roster && roster.unavailable.reason === 'notGranted') setParticipationProblem(roster.unavailable.message);
        const participants = roster && 'participants' in roster ? roster.participants : undefined;
        const { list, damaged } = await programme.loadProgrammeProfiles({
          client,
          ...(participants ? { participants } : { personIds: programme.activePersonIds(snapshot) }),
          first: [user.id],
          cache,
          key,
          now,
          signal: abort.signal,
          onUpdate: (update) => {
            if (!current || quiet || update.stage === 'complete') return;
            const progress = { read: update.read, total: update.total };
            setProfiles((state) =>
              update.stage === 'reading'
                ? state.status === 'loading'
                  ? { ...state, progress }
                  : state
                : { status: 'loading', list: update.list, damaged: update.damaged, progress, partial: true },
            );
          },
        });
        if (!current) return;
        // The signed-in person's own profile may have been saved while the quiet read was under way: keep the newer.
        setProfiles((state) => {
          const mine = quiet ? state.list.find((p) => p.personId === user.id) : undefined;
          const merged = mine ? list.map((p) => (p.personId === user.id && p.updated < mine.updated ? mine : p)) : list;
          return { status: 'ready', list: merged, damaged };
        });
        // One's own entry is brought up to date on open, so a profile saved before the store existed
        // (or whose entry failed to save) takes part again without anyone editing anything; and sealed
        // again whenever a partner or owner can now read what they could not (pair-records.ts).
        const mine = list.find((p) => p.personId === user.id);
        const listed = participants?.find((p) => p.personId === user.id);
        // A damaged profile is still a profile: its entry stays until its person saves again.
        const damagedMine = damaged.some((d) => d.personId === user.id);
        const sealAgain = mine !== undefined && roster !== undefined && 'participants' in roster && (await roster.sealMineAgain?.()) === true;
        if (participants && participation && !damagedMine && (sealAgain || (!quiet && (mine ? listed?.profileUpdated !== mine.updated : listed)))) {
          void loadMyProfile().then((useCase) => useCase.recordParticipation(participation, user.id, mine ?? null));
        }
      } catch (error) {
        // A quiet read that fails leaves what is shown; the next one tries again.
        if (current)
          setProfiles((state) => (quiet && state.status === 'ready' ? state : { status: 'failed', list: [], damaged: [], error: error instanceof Error ? error : new Error(String(error)) }));
      } finally {
        if (current) reading.current = false;
      }
    })();
    return () => {
      current = false;
      abort.abort();
    };
  }, [snapshot, programme, graph, user, reloads, programmeGroupId, participation]);

  // Built from a usable list only (complete, or cached / first stage), and only when the list changes, not at each batch read.
  const usable = profiles.status === 'ready' || profiles.partial === true;
  const matcher = useMemo(() => {
    if (!model || !programme || !usable) return undefined;
    return programme.programmeMatcher({ model, profiles: profiles.list, levelGap, now: now() });
  }, [model, programme, usable, profiles.list, levelGap]);

  const me = profiles.list.find((p) => p.personId === user.id);
  /** Puts the signed-in person's saved profile (or none) in the list everyone's views read. */
  const keep = useCallback(
    (saved: StoredProfile | undefined) => setProfiles((state) => ({ ...state, list: [...state.list.filter((p) => p.personId !== user.id), ...(saved ? [saved] : [])] })),
    [user.id],
  );

  const updateMyProfile = useCallback(
    async (change: ProfileChange) => {
      const [client, useCase] = await Promise.all([graph(), loadMyProfile()]);
      setParticipationProblem(undefined);
      keep(await useCase.updateMyProfile(client, me, change, now(), participation));
    },
    [graph, me, keep, participation],
  );

  const optOut = useCallback(async () => {
    const [client, useCase] = await Promise.all([graph(), loadMyProfile()]);
    setParticipationProblem(undefined);
    await useCase.optOut(client, participation && { ...participation, personId: user.id });
    keep(undefined);
  }, [graph, keep, participation, user.id]);

  const directoryError = view?.status === 'failed' ? view.error : undefined;
  const blocked = [directoryError, profiles.error, reported].find(isPermissionError);
  const reloadProfiles = useCallback(() => setReloads((r) => ({ count: r.count + 1, quiet: false })), []);
  const refreshProfiles = useCallback(() => {
    if (!reading.current) setReloads((r) => ({ count: r.count + 1, quiet: true }));
  }, []);
  // What someone in the programme waits for (a request, an answer, a booking, a proposed time) shows on its own while the tab is open.
  useRefreshWhileVisible(refreshProfiles, profiles.status === 'ready' && me !== undefined, refresh);
  const reportFailure = useCallback((error: unknown, failed: string) => {
    if (isPermissionError(error)) setReported(error);
    // The wording's code loads now, not before the first suggestion; plain words if it cannot.
    return import('@/application/failure-words').then(
      (m) => m.describeFailure(error, failed),
      () => `${failed}.`,
    );
  }, []);
  const retryAll = useCallback(() => {
    setReported(undefined);
    retry();
    reloadProfiles();
  }, [retry, reloadProfiles]);

  const state: ProgrammeState = {
    directory: view,
    cancelDirectory: cancel,
    retryDirectory: retry,
    people,
    model,
    profiles,
    matcher,
    me,
    updateMyProfile,
    optOut,
    participationProblem,
    participation,
    reloadProfiles,
    keepMyProfile: keep,
    now,
    blocked,
    reportFailure,
    retryAll,
    notifier,
    notice,
  };
  return <ProgrammeContext.Provider value={state}>{children}</ProgrammeContext.Provider>;
}

/** The programme's shared state; only inside ProgrammeProvider. */
export function useProgramme(): ProgrammeState {
  const state = useContext(ProgrammeContext);
  if (!state) throw new Error('useProgramme must be used inside ProgrammeProvider');
  return state;
}
