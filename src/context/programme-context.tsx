import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Matcher } from '@/domain/matching/engine';
import type { OrgModel } from '@/domain/org/org-model';
import type { DirectoryView } from '@/services/graph/directory-service';
import { isActive, type DirectoryPerson } from '@/services/graph/directory-person';
import type { StoredProfile } from '@/services/profile/profile-store';
import { useServices } from './services-context';
import { useDirectory } from './use-directory';

type MyProfile = Omit<StoredProfile, 'personId'>;
type ProfileChange = { [K in keyof MyProfile]?: MyProfile[K] | undefined };

export interface ProfilesState {
  readonly status: 'waiting' | 'loading' | 'ready' | 'failed';
  readonly list: readonly StoredProfile[];
  readonly damaged: readonly { readonly personId: string; readonly problem: string }[];
  readonly error?: Error;
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
  readonly saveMyProfile: (profile: MyProfile) => Promise<void>;
  /** Changes some fields of the signed-in person's existing profile (undefined removes one). */
  readonly updateMyProfile: (change: ProfileChange) => Promise<void>;
  readonly optOut: () => Promise<void>;
  /** Reads everyone's profiles again (others may have answered). */
  readonly reloadProfiles: () => void;
}

const ProgrammeContext = createContext<ProgrammeState | undefined>(undefined);

const profileStore = () => import('@/services/profile/profile-store');
// The org model and the matching engine run once the directory is in, after first paint: so does their code.
const loadEngine = () => Promise.all([import('@/domain/org/org-model'), import('@/domain/matching/engine')]).then(([org, matching]) => ({ ...org, ...matching }));
type Engine = Awaited<ReturnType<typeof loadEngine>>;

/** Loads the organisation once for all features of a surface, then everyone's profiles. */
export function ProgrammeProvider({ children }: { children: ReactNode }) {
  const { graph, user, config } = useServices();
  const { view, cancel, retry } = useDirectory();
  const [profiles, setProfiles] = useState<ProfilesState>({ status: 'waiting', list: [], damaged: [] });
  const [reloads, setReloads] = useState(0);

  const snapshot = view?.status === 'ready' ? view.snapshot : undefined;
  const [engine, setEngine] = useState<Engine | undefined>();
  useEffect(() => {
    if (snapshot && !engine) void loadEngine().then(setEngine);
  }, [snapshot, engine]);
  const people = useMemo(() => new Map((snapshot?.people ?? []).map((p) => [p.id, p])), [snapshot]);
  const model = useMemo(
    () =>
      snapshot && engine
        ? engine.buildOrgModel(snapshot.people.map((p) => ({ id: p.id, displayName: p.displayName, managerId: p.managerId, department: p.department, officeLocation: p.officeLocation, country: p.country })))
        : undefined,
    [snapshot, engine],
  );

  useEffect(() => {
    if (!snapshot) return;
    let current = true;
    setProfiles((state) => ({ ...state, status: 'loading' }));
    void (async () => {
      try {
        const [client, { readProfiles }] = await Promise.all([graph(), profileStore()]);
        const { profiles: list, damaged } = await readProfiles(client, snapshot.people.filter(isActive).map((p) => p.id));
        if (current) setProfiles({ status: 'ready', list, damaged });
      } catch (error) {
        if (current) setProfiles({ status: 'failed', list: [], damaged: [], error: error instanceof Error ? error : new Error(String(error)) });
      }
    })();
    return () => {
      current = false;
    };
  }, [snapshot, graph, reloads]);

  const matcher = useMemo(() => {
    if (!model || !engine || profiles.status !== 'ready') return undefined;
    const loads = new Map(profiles.list.filter((p) => p.mentor).map((p) => [p.personId, p.accepted?.length ?? p.load]));
    // Time zones count as they are now; daylight saving moves them during the year.
    return engine.createMatcher({ model, profiles: profiles.list, loads, rules: { levelGap: config.programme.levelGap, pastPairs: [], exclusions: [] }, at: Date.now() });
  }, [model, engine, profiles, config.programme.levelGap]);

  const me = profiles.list.find((p) => p.personId === user.id);

  const saveMyProfile = useCallback(
    async (profile: MyProfile) => {
      const [client, store] = await Promise.all([graph(), profileStore()]);
      await store.saveMyProfile(client, profile);
      const saved: StoredProfile = { personId: user.id, ...profile };
      setProfiles((state) => ({ ...state, list: [...state.list.filter((p) => p.personId !== user.id), saved] }));
    },
    [graph, user.id],
  );

  const updateMyProfile = useCallback(
    async (change: ProfileChange) => {
      if (!me) throw new Error('Opt in first.');
      const { personId, ...current } = me;
      void personId;
      const merged: Record<string, unknown> = { ...current, ...change, updated: new Date().toISOString() };
      for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
      await saveMyProfile(merged as MyProfile);
    },
    [me, saveMyProfile],
  );

  const optOut = useCallback(async () => {
    const [client, store] = await Promise.all([graph(), profileStore()]);
    await store.optOut(client);
    setProfiles((state) => ({ ...state, list: state.list.filter((p) => p.personId !== user.id) }));
  }, [graph, user.id]);

  const state: ProgrammeState = {
    directory: view,
    cancelDirectory: cancel,
    retryDirectory: retry,
    people,
    model,
    profiles,
    matcher,
    me,
    saveMyProfile,
    updateMyProfile,
    optOut,
    reloadProfiles: useCallback(() => setReloads((n) => n + 1), []),
  };
  return <ProgrammeContext.Provider value={state}>{children}</ProgrammeContext.Provider>;
}

/** The programme's shared state; only inside ProgrammeProvider. */
export function useProgramme(): ProgrammeState {
  const state = useContext(ProgrammeContext);
  if (!state) throw new Error('useProgramme must be used inside ProgrammeProvider');
  return state;
}
