import { lazy, Suspense, type ReactNode } from 'react';
import { Avatar, Body1, Caption1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { describeCadence } from '@/components/programme-summary';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';

/** The organisation card waits for the directory anyway: its code loads after first paint. */
const OrganisationCard = lazy(() => import('./organisation-card').then((m) => ({ default: m.OrganisationCard })));

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    minHeight: '100vh',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  heading: { margin: 0 },
  intro: { maxWidth: '70ch', color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    alignItems: 'start',
  },
});

/** The personal tab's home: who you are, your organisation, your programme; `children` are more sections. */
export function HomePage({ children }: { children?: ReactNode }) {
  const styles = useStyles();
  const { user, config, host } = useServices();
  const firstName = user.displayName.split(' ')[0] ?? user.displayName;
  const programme = config.programme;
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <Avatar name={user.displayName} size={48} color="colorful" />
        <div>
          <Title2 as="h1" className={styles.heading}>
            Welcome, {firstName}
          </Title2>
          <Caption1 block>
            {programme.name} · {host.context.app === 'Browser' ? 'in your browser' : `in ${host.context.app}`}
          </Caption1>
        </div>
      </header>
      <Body1 className={styles.intro}>
        In reverse mentoring, people early in their careers mentor senior leaders on what is changing fastest: new technology, social media, younger customers and colleagues. Both sides
        learn.
      </Body1>
      <section className={styles.grid} aria-label="Your mentoring">
        {children}
        <Suspense fallback={<SectionCard title="Your organisation" description="Reading your organisation…" />}>
          <OrganisationCard />
        </Suspense>
        <SectionCard title="How the programme runs" description={`${describeCadence(programme)}. Each pair agrees its goals and a code of conduct in the first session.`} />
        <SectionCard title="Your privacy" description="The programme sees who is paired, never what a pair writes. Your agenda and notes stay between the two of you." />
      </section>
    </main>
  );
}
