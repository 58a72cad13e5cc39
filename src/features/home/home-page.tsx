import { lazy, Suspense, type ReactNode } from 'react';
import { Avatar, Caption1, makeStyles, Title2, tokens } from '@fluentui/react-components';
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
  about: { maxWidth: '90ch', color: tokens.colorNeutralForeground3 },
  // Fluent's inline link, drawn here: its Link component would load before the first suggestion.
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusMedium },
  },
  grid: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
  },
});

/**
 * The personal tab's home: who you are, then `children` (the features, your pairing first), your
 * organisation, and the programme and its privacy note in one quiet line.
 */
export function HomePage({ children }: { children?: ReactNode }) {
  const styles = useStyles();
  const { user, config, host, teamsApp } = useServices();
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
      <section className={styles.grid} aria-label="Your mentoring">
        {children}
        <Suspense fallback={<SectionCard title="Your organisation" description="Reading your organisation…" />}>
          <OrganisationCard />
        </Suspense>
      </section>
      <footer>
        <Caption1 className={styles.about}>
          People early in their careers mentor senior leaders on what is changing fastest. {describeCadence(programme)}; each pair agrees its goals and a code of conduct in the first
          session. The programme sees who is paired, never what a pair writes.{' '}
          <a className={styles.link} href={`${teamsApp.origin}/privacy.html`} target="_blank" rel="noreferrer">
            Privacy
          </a>
        </Caption1>
      </footer>
    </main>
  );
}
