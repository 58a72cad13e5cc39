import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  FluentProvider,
  makeStyles,
  Select,
  Subtitle2,
  Switch,
  Tab,
  TabList,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { clearAgendaDeviceData } from '@/services/agenda/device-copy';
import { DEMO_PEOPLE, findDemoPerson, type DemoPerson } from '@/demo/demo-people';
import {
  DEMO_CONTAINER_PREFIX,
  DEMO_STATE_KEY,
  DEMO_WRITES_KEY,
  FAULT_CHANNEL,
  FAULT_PRESET_LABELS,
  FAULT_STORAGE_KEY,
  NETWORK_CHANNEL,
  isFaultPreset,
  type FaultPreset,
} from '@/demo/dev-host-protocol';
import type { ChatState } from '@/demo/graph/fake-chats';
import type { TabConfig } from '@/services/host/host';
import { TeamsHostSimulator, type FrameSpec, type SimulatedFrameContext, type SimulatedHostName, type SimulatedTheme } from './teams-host-simulator';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
const THEME_LABELS: Record<SimulatedTheme, string> = { default: 'Light', dark: 'Dark', contrast: 'High contrast' };
/** A meeting no pair booked (the app added to it by hand). */
const UNBOOKED_MEETING = { chatId: '19:meeting_demo-pair@thread.v2', meetingId: 'MCMjMCMjZGVtby1wYWly' };

const [EXECUTIVE, MENTOR] = [DEMO_PEOPLE[0], DEMO_PEOPLE[1]] as [DemoPerson, DemoPerson];
/** The tab as someone adds it from the meeting (the configuration page's link names no pair). */
const PLAIN_TAB: TabConfig = { entityId: 'pair-workspace', contentUrl: '/meeting-tab/', websiteUrl: '/meeting-tab/', suggestedDisplayName: 'Mentoring' };

interface DevMeeting {
  readonly executive: DemoPerson;
  readonly mentor: DemoPerson;
  readonly chatId: string;
  readonly meetingId: string;
  /** The tab booking put in this meeting's chat, if it did. */
  readonly bookedTab: TabConfig | undefined;
}

/**
 * The meeting the dev host plays: the series the executive booked with the mentor (`?pair=<executive id>,<mentor id>`,
 * by default the first two demo people), as the demo's fake Graph holds it, with its chat's id and the tab booking
 * added there; a meeting no pair booked when there is none.
 */
function meetingOf(query: URLSearchParams): DevMeeting {
  const [executiveId, mentorId] = (query.get('pair') ?? '').split(',');
  const executive = findDemoPerson(executiveId) ?? EXECUTIVE;
  const mentor = findDemoPerson(mentorId) ?? MENTOR;
  let chats: ChatState | undefined;
  try {
    chats = (JSON.parse(localStorage.getItem(DEMO_STATE_KEY) ?? 'null') as { chats?: ChatState } | null)?.chats;
  } catch {
    chats = undefined;
  }
  const booked = chats?.meetings.filter((m) => m.members[0] === executive.id && m.members.includes(mentor.id)).at(-1);
  if (!booked) return { executive, mentor, ...UNBOOKED_MEETING, bookedTab: undefined };
  const tab = chats?.tabs[booked.threadId]?.find((t) => t.configuration.entityId === 'pair-workspace' && t.configuration.contentUrl);
  return {
    executive,
    mentor,
    chatId: booked.threadId,
    // Teams' meeting id is the base64 of "0#<thread id>#0".
    meetingId: btoa(`0#${booked.threadId}#0`),
    bookedTab: tab
      ? {
          entityId: 'pair-workspace',
          contentUrl: tab.configuration.contentUrl ?? PLAIN_TAB.contentUrl,
          websiteUrl: tab.configuration.websiteUrl ?? PLAIN_TAB.websiteUrl,
          suggestedDisplayName: tab.displayName,
        }
      : undefined,
  };
}

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground4 },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
  brand: { flex: '1 1 220px' },
  body: { flexGrow: 1, display: 'flex', flexDirection: 'column', padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  tabFrame: { flexGrow: 1, minHeight: '640px', width: '100%', border: 'none', borderRadius: tokens.borderRadiusMedium },
  participants: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  participant: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  sidePanel: { width: '320px', height: '640px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  dialog: { maxWidth: '640px' },
  configFrame: { width: '100%', height: '320px', border: 'none' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'end' },
  log: { color: tokens.colorNeutralForeground3 },
});

interface Settings {
  host: SimulatedHostName;
  theme: SimulatedTheme;
  person: DemoPerson;
}

/** An iframe whose app is answered by the simulator as a Teams frame. */
function HostedFrame(props: { simulator: TeamsHostSimulator; spec: () => FrameSpec; title: string; src: string; className: string; frameRef?: (frame: HTMLIFrameElement | null) => void }) {
  const { simulator, spec, frameRef } = props;
  const specRef = useRef(spec);
  specRef.current = spec;
  // Register in the ref callback, before the frame's script can post its first message.
  const ref = useCallback(
    (frame: HTMLIFrameElement | null) => {
      frameRef?.(frame);
      if (!frame) return;
      const unregister = simulator.register(frame, () => specRef.current());
      return () => unregister();
    },
    [simulator, frameRef],
  );
  return <iframe ref={ref} title={props.title} src={props.src} className={props.className} />;
}

/** Tells every framed surface's fake Graph which faults to inject (see src/demo/dev-host-protocol.ts). */
function announceFaults(preset: FaultPreset) {
  localStorage.setItem(FAULT_STORAGE_KEY, preset);
  const channel = new BroadcastChannel(FAULT_CHANNEL);
  channel.postMessage(preset);
  channel.close();
}

function initialSettings(): Settings & { view: string; tab: 'added' | 'manual' | undefined; configure: boolean; faults: FaultPreset; meeting: DevMeeting } {
  const query = new URLSearchParams(window.location.search);
  const requested = query.get('graph');
  const stored = localStorage.getItem(FAULT_STORAGE_KEY);
  const faults = isFaultPreset(requested) ? requested : isFaultPreset(stored) ? stored : 'none';
  // Before any frame starts, so each one's fake Graph reads it.
  localStorage.setItem(FAULT_STORAGE_KEY, faults);
  const host = query.get('host') === 'Outlook' ? 'Outlook' : 'Teams';
  const theme = (['default', 'dark', 'contrast'] as const).find((t) => t === query.get('theme')) ?? 'default';
  const person = findDemoPerson(query.get('person') ?? undefined) ?? EXECUTIVE;
  return {
    host,
    theme,
    person,
    faults,
    view: query.get('view') === 'meeting' ? 'meeting' : 'personal',
    tab: query.get('tab') === 'added' ? 'added' : query.get('tab') === 'manual' ? 'manual' : undefined,
    configure: query.has('configure'),
    meeting: meetingOf(query),
  };
}

/** The dev host: plays Teams (or Outlook) around the app's surfaces for the demo and the browser tests. */
export function DevHost() {
  const styles = useStyles();
  const initial = useState(initialSettings)[0];
  const [settings, setSettings] = useState<Settings>(initial);
  const [view, setView] = useState(initial.view);
  const [faults, setFaults] = useState<FaultPreset>(initial.faults);
  const [meeting, setMeeting] = useState(initial.meeting);
  // `?tab=added`: the meeting with the app's tab in place, as booking leaves it (or as added by hand, where booking
  // could not); `?tab=manual`: as added by hand from the meeting, its link naming no pair.
  const [tab, setTab] = useState<TabConfig | undefined>(initial.tab === 'added' ? (meeting.bookedTab ?? PLAIN_TAB) : initial.tab === 'manual' ? PLAIN_TAB : undefined);
  /**
   * Opening the meeting plays the series booked since the page loaded, with the tab booking put in its chat, as
   * Teams would show the meeting booking created; a tab added by hand stays.
   */
  const openView = (next: string) => {
    if (next === 'meeting' && view !== 'meeting') {
      const booked = meetingOf(new URLSearchParams(window.location.search));
      if (booked.chatId !== meeting.chatId) {
        setMeeting(booked);
        setTab(booked.bookedTab);
      }
    }
    setView(next);
  };
  const [meetingView, setMeetingView] = useState<SimulatedFrameContext>('sidePanel');
  const [configuring, setConfiguring] = useState(initial.configure);
  const [configValid, setConfigValid] = useState(false);
  const [log, setLog] = useState<string[]>([]);
  const configFrame = useRef<HTMLIFrameElement | null>(null);

  const [simulator] = useState(
    () =>
      new TeamsHostSimulator(
        window,
        {
          onValidityChange: (_, valid) => setConfigValid(valid),
          onTabSaved: (_, config) => {
            setTab(config);
            setConfiguring(false);
            setMeetingView('sidePanel');
          },
          onSaveFailed: (_, reason) => setLog((entries) => [...entries, `Save failed: ${reason}`]),
          onLog: (entry) => setLog((entries) => [...entries.slice(-4), entry]),
        },
        { initializeDelayMs: Number(new URLSearchParams(window.location.search).get('slowHost')) || 0 },
      ),
  );
  useEffect(() => simulator.listen(), [simulator]);

  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const specFor = (frameContext: SimulatedFrameContext, person: () => DemoPerson, inMeeting: boolean) => (): FrameSpec => ({
    frameContext,
    hostName: settingsRef.current.host,
    theme: settingsRef.current.theme,
    locale: navigator.language || 'en-US',
    user: { id: person().id, displayName: person().displayName, userPrincipalName: person().userPrincipalName ?? '', tenantId: person().tenantId ?? '' },
    ...(inMeeting ? { chatId: meeting.chatId, meetingId: meeting.meetingId, entityId: tab?.entityId ?? '' } : { entityId: 'home' }),
  });

  const changeTheme = (theme: SimulatedTheme) => {
    setSettings((s) => ({ ...s, theme }));
    simulator.changeTheme(theme);
  };
  // Host and person are read when a surface starts, as in Teams: switching them reloads the frames.
  const frameKey = `${settings.host}-${settings.person.id}`;
  // The tab's own link, query included (booking's tab names the pair's workspace there).
  const tabUrl = tab ? new URL(tab.contentUrl, window.location.origin) : undefined;
  const contentUrl = tabUrl ? `${tabUrl.pathname}${tabUrl.search}` : '/meeting-tab/';

  return (
    <FluentProvider theme={THEMES[settings.theme]}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <div className={styles.brand}>
            <Title3 as="h1" className={styles.title}>
              Dev host
            </Title3>
            <Caption1 block>Plays Microsoft Teams around the app for the demo and the browser tests.</Caption1>
          </div>
          <Field label="Host">
            <Select value={settings.host} onChange={(_, d) => setSettings((s) => ({ ...s, host: d.value as SimulatedHostName }))}>
              <option value="Teams">Teams</option>
              <option value="Outlook">Outlook</option>
            </Select>
          </Field>
          <Field label="Theme">
            <Select value={settings.theme} onChange={(_, d) => changeTheme(d.value as SimulatedTheme)}>
              {Object.entries(THEME_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Graph faults">
            <Select
              value={faults}
              onChange={(_, d) => {
                if (!isFaultPreset(d.value)) return;
                setFaults(d.value);
                announceFaults(d.value);
              }}
            >
              {Object.entries(FAULT_PRESET_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="You are">
            <Select value={settings.person.id} onChange={(_, d) => setSettings((s) => ({ ...s, person: findDemoPerson(d.value) ?? s.person }))}>
              {DEMO_PEOPLE.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName} ({p.role})
                </option>
              ))}
            </Select>
          </Field>
          <Button
            onClick={() => {
              // Forget what demo users wrote and the cached directory, then start again.
              localStorage.removeItem(DEMO_WRITES_KEY);
              localStorage.removeItem(DEMO_STATE_KEY);
              clearAgendaDeviceData(localStorage);
              for (const key of Object.keys(localStorage)) if (key.startsWith(DEMO_CONTAINER_PREFIX)) localStorage.removeItem(key);
              indexedDB.deleteDatabase('reverse-mentoring');
              window.location.reload();
            }}
          >
            Reset demo
          </Button>
        </header>
        <nav aria-label="Dev host views">
          <TabList selectedValue={view} onTabSelect={(_, d) => openView(String(d.value))}>
            <Tab value="personal">Personal tab</Tab>
            <Tab value="meeting">Meeting</Tab>
          </TabList>
        </nav>
        <main className={styles.body}>
          {view === 'personal' && (
            <HostedFrame
              key={frameKey}
              simulator={simulator}
              spec={specFor('content', () => settingsRef.current.person, false)}
              title="Personal tab"
              src="/personal-tab/"
              className={styles.tabFrame}
            />
          )}
          {view === 'meeting' && (
            <>
              <Subtitle2 as="h2">
                Reverse mentoring: {meeting.executive.displayName} and {meeting.mentor.displayName}
              </Subtitle2>
              {!tab && !configuring && (
                <Card>
                  <Body1>This meeting has no app yet. Add the app as a meeting organiser would.</Body1>
                  <div>
                    <Button appearance="primary" onClick={() => setConfiguring(true)}>
                      Add Reverse mentoring
                    </Button>
                  </div>
                </Card>
              )}
              {configuring && (
                <Card className={styles.dialog} role="dialog" aria-label="Add a tab">
                  <HostedFrame
                    key={`config-${frameKey}`}
                    simulator={simulator}
                    spec={specFor('settings', () => meeting.executive, true)}
                    title="Configuration page"
                    src="/config/"
                    className={styles.configFrame}
                    frameRef={(frame) => {
                      configFrame.current = frame;
                    }}
                  />
                  <div className={styles.actions}>
                    <Button onClick={() => setConfiguring(false)}>Cancel</Button>
                    <Button appearance="primary" disabled={!configValid} onClick={() => configFrame.current && simulator.save(configFrame.current)}>
                      Save
                    </Button>
                  </div>
                </Card>
              )}
              {tab && (
                <>
                  <TabList selectedValue={meetingView} onTabSelect={(_, d) => setMeetingView(d.value as SimulatedFrameContext)}>
                    <Tab value="sidePanel">In the call (side panels)</Tab>
                    <Tab value="content">{tab.suggestedDisplayName} (chat tab)</Tab>
                    {settings.host === 'Teams' && <Tab value="meetingStage">Shared to stage</Tab>}
                  </TabList>
                  {meetingView === 'sidePanel' ? (
                    <div className={styles.participants}>
                      {[meeting.executive, meeting.mentor].map((person) => (
                        <section key={person.id} className={styles.participant} aria-label={person.displayName}>
                          <Caption1>{person.displayName}</Caption1>
                          <Switch
                            label="Online"
                            aria-label={`${person.displayName} online`}
                            defaultChecked
                            onChange={(_, d) => {
                              // Drops this participant's Live Share connection and Graph, as a lost network would.
                              const channel = new BroadcastChannel(NETWORK_CHANNEL);
                              channel.postMessage({ person: person.id, offline: !d.checked });
                              channel.close();
                            }}
                          />
                          <HostedFrame
                            key={`${frameKey}-${person.id}`}
                            simulator={simulator}
                            spec={specFor('sidePanel', () => person, true)}
                            title={`Side panel of ${person.displayName}`}
                            src={contentUrl}
                            className={styles.sidePanel}
                          />
                        </section>
                      ))}
                    </div>
                  ) : (
                    <HostedFrame
                      key={`${frameKey}-${meetingView}`}
                      simulator={simulator}
                      spec={specFor(meetingView, () => meeting.executive, true)}
                      title={meetingView === 'content' ? 'Meeting chat tab' : 'Meeting stage'}
                      src={contentUrl}
                      className={styles.tabFrame}
                    />
                  )}
                </>
              )}
            </>
          )}
          {log.length > 0 && (
            <div className={styles.log} role="log" aria-label="Dev host log">
              {log.map((entry, index) => (
                <Caption1 key={index} block>
                  {entry}
                </Caption1>
              ))}
            </div>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
