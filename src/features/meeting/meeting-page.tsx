import { Body1, Caption1, makeStyles, mergeClasses, Spinner, Title2, Title3, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { describeCadence } from '@/components/programme-summary';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { useProgrammeSettings } from '@/context/use-programme-settings';
import type { FrameContext } from '@/services/host/host';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  sidePanel: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalM },
  content: { padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}` },
  stage: { padding: tokens.spacingHorizontalXXXL, justifyContent: 'center' },
  heading: { margin: 0 },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  grid: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(0, 2fr) minmax(260px, 1fr)',
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  aside: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const SESSION_STEPS = [
  'Check in: one thing each of you noticed since last time.',
  'The mentor leads the main topic; the executive asks, listens and tries things out.',
  'Agree one small experiment before next time.',
  'Two minutes at the end: was it useful, and what should change?',
];

function SessionSteps() {
  const styles = useStyles();
  return (
    <ol className={styles.steps}>
      {SESSION_STEPS.map((step) => (
        <li key={step}>
          <Body1>{step}</Body1>
        </li>
      ))}
    </ol>
  );
}

// The agenda needs Graph, the workspace and (live) Live Share: its code loads after first paint.
const PairAgendaView = lazy(() => import('./pair-agenda-view').then((m) => ({ default: m.PairAgendaView })));

/** First paint: the heading and a spinner, in the surface's budget; then the agenda. */
function AgendaSurface({ layout, title }: { layout: 'panel' | 'page' | 'stage'; title: string }) {
  const HeadingText = layout === 'panel' ? Title3 : Title2;
  return (
    <Suspense
      fallback={
        <>
          <HeadingText as={layout === 'page' ? 'h2' : 'h1'}>{title}</HeadingText>
          <Spinner size="small" label="Opening your agenda…" />
        </>
      }
    >
      <PairAgendaView layout={layout} />
    </Suspense>
  );
}

function SidePanel() {
  const styles = useStyles();
  return (
    <main className={mergeClasses(styles.page, styles.sidePanel)}>
      <AgendaSurface layout="panel" title="Session agenda" />
      <SectionCard title="A good session" headingLevel="h2">
        <SessionSteps />
      </SectionCard>
    </main>
  );
}

function Workspace() {
  const styles = useStyles();
  const { config } = useServices();
  const { rules } = useProgrammeSettings();
  return (
    <main className={mergeClasses(styles.page, styles.content)}>
      <div>
        <Title2 as="h1" className={styles.heading}>
          Pair workspace
        </Title2>
        <Caption1 block>{config.programme.name}</Caption1>
      </div>
      <div className={styles.grid}>
        <AgendaSurface layout="page" title="Session agenda" />
        <div className={styles.aside}>
          <SectionCard title="A good session">
            <SessionSteps />
          </SectionCard>
          <SectionCard title="Rhythm" description={`${describeCadence(rules)}. Goals and a code of conduct are agreed in the first session and kept here, private to the pair.`} />
        </div>
      </div>
    </main>
  );
}

function Stage() {
  const styles = useStyles();
  return (
    <main className={mergeClasses(styles.page, styles.stage)}>
      <AgendaSurface layout="stage" title="Session agenda" />
    </main>
  );
}

const VIEWS: Partial<Record<FrameContext, () => React.JSX.Element>> = {
  sidePanel: SidePanel,
  meetingStage: Stage,
};

/**
 * The meeting tab: one page that shows the side panel during a call, the stage view when shared to
 * stage, and the pair workspace in the meeting's chat and details tabs (`content`).
 */
export function MeetingPage() {
  const { host } = useServices();
  const View = VIEWS[host.context.frameContext] ?? Workspace;
  return <View />;
}
