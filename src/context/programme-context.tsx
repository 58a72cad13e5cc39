import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ProfileChange } from '@/application/programme/my-profile';
import type { Matcher } from '@/domain/matching/engine';
import type { OrgModel } from '@/domain/org/org-model';
import type { DirectoryView } from '@/services/graph/directory-service';
import type { DirectoryPerson } from '@/services/graph/directory-person';
import type { StoredProfile } from '@/services/profile/profile-store';
import { useServices } from './services-context';
import { useDirectory } from './use-directory';
import { useProgrammeSettings } from './use-programme-settings';

export interface ProfilesState {
  readonly status: 'waiting' | 'loading' | 'ready' | 'failed';
  readonly list: readonly StoredProfile[];
  readonly damaged: readonly { readonly personId: string; readonly problem: string }[];
  readonly error?: Error;
  /** While loading: how many people's profiles were read so far, of how many. */
  readonly progress?: { readonly read: number; readonly total: number };
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
}

/** Whether Graph refused for lack of consent; by name, so the first screen does not load the Graph errors' code. */
export const isPermissionError = (error: unknown): error is Error => error instanceof Error && error.name === 'GraphPermissionError';

const ProgrammeContext = createContext<ProgrammeState | undefined>(undefined);

// The org model and the matching engine run once the directory is in, after first paint: so does their code.
const loadProgramme = () => import('@/application/programme/open-programme');
const loadMyProfile = () => import('@/application/programme/my-profile');
type Programme = Awaited<ReturnType<typeof loadProgramme>>;
/** The clock the programme's use cases read (which series have ended, time-zone offsets, "updated"). */
const now = () => Date.now();

/**
 * Loads the organisation once for all features of a surface, then everyone's profiles: a thin React
 * binding over application/programme (open-programme.ts builds the model, reads the profiles and
 * makes the matcher with the programme's rules, past pairs included; my-profile.ts saves).
 */
export function ProgrammeProvider({ children }: { children: ReactNode }) {
  const { graph, user, programmeGroupId } = useServices();
  const { levelGap } = useProgrammeSettings().rules;
  const { view, cancel, retry } = useDirectory();
  const [profiles, setProfiles] = useState<ProfilesState>({ status: 'waiting', list: [], damaged: [] });
  const [reloads, setReloads] = useState(0);
  const [reported, setReported] = useState<Error | undefined>();

  const snapshot = view?.status === 'ready' ? view.snapshot : undefined;
  const [programme, setProgramme] = useState<Programme | undefined>();
  useEffect(() => {
    if (snapshot && !programme) void loadProgramme().then(setProgramme);
  }, [snapshot, programme]);
  const people = useMemo(() => new Map((snapshot?.people ?? []).map((p) => [p.id, p])), [snapshot]);
  const model = useMemo(() => (snapshot && programme ? programme.orgModelOf(snapshot) : undefined), [snapshot, programme]);

  useEffect(() => {
    if (!snapshot || !programme) return;
    let current = true;
    setProfiles((state) => ({ status: 'loading', list: state.list, damaged: state.damaged }));
    void (async () => {
      try {
        const onProgress = (read: number, total: number) => current && setProfiles((state) => (state.status === 'loading' ? { ...state, progress: { read, total } } : state));
        const { list, damaged } = await programme.readProgrammeProfiles(await graph(), snapshot, undefined, onProgress);
        if (current) setProfiles({ status: 'ready', list, damaged });
      } catch (error) {
        if (current) setProfiles({ status: 'failed', list: [], damaged: [], error: error instanceof Error ? error : new Error(String(error)) });
      }
    })();
    return () => {
      current = false;
    };
  }, [snapshot, programme, graph, reloads]);

  const matcher = useMemo(() => {
    if (!model || !programme || profiles.status !== 'ready') return undefined;
    return programme.programmeMatcher({ model, profiles: profiles.list, levelGap, now: now() });
  }, [model, programme, profiles, levelGap]);

  const me = profiles.list.find((p) => p.personId === user.id);
  /** Puts the signed-in person's saved profile (or none) in the list everyone's views read. */
  const keep = useCallback(
    (saved: StoredProfile | undefined) => setProfiles((state) => ({ ...state, list: [...state.list.filter((p) => p.personId !== user.id), ...(saved ? [saved] : [])] })),
    [user.id],
  );

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
  const reloadProfiles = useCallback(() => setReloads((n) => n + 1), []);
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
    reloadProfiles,
    keepMyProfile: keep,
    now,
    blocked,
    reportFailure,
    retryAll,
  };
  return <ProgrammeContext.Provider value={state}>{children}</ProgrammeContext.Provider>;
}

/** The programme's shared state; only inside ProgrammeProvider. */
export function useProgramme(): ProgrammeState {
  const state = useContext(ProgrammeContext);
  if (!state) throw new Error('useProgramme must be used inside ProgrammeProvider');
  return state;
}
