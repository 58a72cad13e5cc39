import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { ProgrammeRules } from '@/services/config/app-config';
import type { ReadProgrammeSettings } from '@/application/programme/programme-settings';
import { useServices, type AppServices } from './services-context';

/** The programme's rules on this surface, as every feature reads them. */
export interface ProgrammeSettingsState {
  /** The rules in effect: the packaged ones at once, the owners' once read. */
  readonly rules: ProgrammeRules;
  /** `packaged`: not read (yet, or no owners' group); `read`: from the store; `failed`: the packaged ones apply. */
  readonly status: 'packaged' | 'reading' | 'read' | 'failed';
  /** What was read (for the owners' form: what they set, what a save goes over). */
  readonly read: ReadProgrammeSettings | undefined;
  /** Why the store's settings could not be read, in words. */
  readonly problem: string | undefined;
}

interface Shared {
  state: ProgrammeSettingsState;
  readonly listeners: Set<() => void>;
  started: boolean;
}

// One read per surface (its Graph), shared by every card that shows or applies a rule.
const surfaces = new WeakMap<AppServices['graph'], Map<string, Shared>>();

function sharedOf(graph: AppServices['graph'], groupId: string, packaged: ProgrammeRules): Shared {
  let byGroup = surfaces.get(graph);
  if (!byGroup) surfaces.set(graph, (byGroup = new Map()));
  let shared = byGroup.get(groupId);
  if (!shared) byGroup.set(groupId, (shared = { state: { rules: packaged, status: 'packaged', read: undefined, problem: undefined }, listeners: new Set(), started: false }));
  return shared;
}

function put(shared: Shared, state: ProgrammeSettingsState) {
  shared.state = state;
  for (const listener of shared.listeners) listener();
}

const loadSettings = () => import('@/application/programme/programme-settings');

function startReading(shared: Shared, graph: AppServices['graph'], ownerGroupId: string, packaged: ProgrammeRules) {
  shared.started = true;
  put(shared, { ...shared.state, status: 'reading', problem: undefined });
  void Promise.all([graph(), loadSettings()])
    .then(([client, settings]) => settings.readProgrammeSettings(client, { ownerGroupId }, packaged))
    .then(
      (read) => put(shared, { rules: read.rules, status: 'read', read, problem: undefined }),
      (error: unknown) =>
        put(shared, {
          ...shared.state,
          status: 'failed',
          problem: error instanceof Error && error.name === 'ProgrammeSettingsError' ? error.message : 'The programme settings could not be read just now, so the packaged ones apply.',
        }),
    );
}

/**
 * The programme's rules (level gap, cadence, session length, duration, code of conduct) on this
 * surface: the packaged values (`config.programme`) at once, then the owners' settings from the
 * programme store (application/programme/programme-settings.ts) once read, read once per surface.
 * `adopt` puts settings an owner just saved (or another owner's, after a conflict) in effect here;
 * `reload` reads them again.
 */
export function useProgrammeSettings(): ProgrammeSettingsState & { readonly adopt: (read: ReadProgrammeSettings) => void; readonly reload: () => void } {
  const { graph, config, programmeGroupId } = useServices();
  const packaged = config.programme;
  const shared = programmeGroupId ? sharedOf(graph, programmeGroupId, packaged) : undefined;
  const subscribe = useCallback(
    (listener: () => void) => {
      shared?.listeners.add(listener);
      return () => shared?.listeners.delete(listener);
    },
    [shared],
  );
  const state = useSyncExternalStore(subscribe, () => shared?.state ?? packagedState(packaged));
  useEffect(() => {
    if (shared && programmeGroupId && !shared.started) startReading(shared, graph, programmeGroupId, packaged);
  }, [shared, graph, programmeGroupId, packaged]);
  const adopt = useCallback((read: ReadProgrammeSettings) => shared && put(shared, { rules: read.rules, status: 'read', read, problem: undefined }), [shared]);
  const reload = useCallback(() => shared && programmeGroupId && startReading(shared, graph, programmeGroupId, packaged), [shared, graph, programmeGroupId, packaged]);
  return { ...state, adopt, reload };
}

const packagedStates = new WeakMap<ProgrammeRules, ProgrammeSettingsState>();
/** The same object for the same packaged rules, as useSyncExternalStore needs. */
function packagedState(packaged: ProgrammeRules): ProgrammeSettingsState {
  let state = packagedStates.get(packaged);
  if (!state) packagedStates.set(packaged, (state = { rules: packaged, status: 'packaged', read: undefined, problem: undefined }));
  return state;
}
