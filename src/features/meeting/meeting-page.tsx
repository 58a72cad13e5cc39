import { Body1, Caption1, makeStyles, mergeClasses, Title2, Title3, tokens } from '@fluentui/react-components';
import { describeCadence } from '@/components/programme-summary';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/components/services-context';
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
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    alignItems: 'start',
  },
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

function SidePanel() {
  const styles = useStyles();
  return (
    <main className={mergeClasses(styles.page, styles.sidePanel)}>
      <Title3 as="h1" className={styles.heading}>
        Session agenda
      </Title3>
      <SectionCard title="A good session" headingLevel="h2">
        <SessionSteps />
      </SectionCard>
    </main>
  );
}

function Workspace() {
  const styles = useStyles();
  const { config } = useServices();
  return (
    <main className={mergeClasses(styles.page, styles.content)}>
      <div>
        <Title2 as="h1" className={styles.heading}>
          Pair workspace
        </Title2>
        <Caption1>{config.programme.name}</Caption1>
      </div>
      <div className={styles.grid}>
        <SectionCard title="A good session">
          <SessionSteps />
        </SectionCard>
        <SectionCard
          title="Rhythm"
          description={`${describeCadence(config.programme)}. Goals and a code of conduct are agreed in the first session and kept here, private to the pair.`}
        />
      </div>
    </main>
  );
}

function Stage() {
  const styles = useStyles();
  return (
    <main className={mergeClasses(styles.page, styles.stage)}>
      <Title2 as="h1" className={styles.heading}>
        Session agenda
      </Title2>
      <SessionSteps />
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
