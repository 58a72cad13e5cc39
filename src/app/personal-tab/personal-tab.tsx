import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, type ReactNode } from 'react';
import { readingProgress } from '@/components/reading-progress';
import { SectionCard } from '@/components/section-card';
import { TeamsNotice } from '@/components/teams-notice';
import { bookingPairsOf } from '@/application/booking/booking-pairs';
import { ProgrammeProvider, useProgramme } from '@/context/programme-context';
import type { RefreshSchedule } from '@/context/use-refresh-while-visible';
import type { Host } from '@/services/host/host';
import { useServices } from '@/context/services-context';
import { HomePage } from '@/features/home/home-page';
import { ProblemMessage } from '@/app/shell/lazy-problem-message';

// These need the directory and everyone's profiles, which come after first paint; so does their code.
const PairingCard = lazy(() => import('@/features/booking/pairing-card').then((m) => ({ default: m.PairingCard })));
const SuggestionsCard = lazy(() => import('@/features/suggestions/suggestions-card').then((m) => ({ default: m.SuggestionsCard })));
const ProposalsCard = lazy(() => import('@/features/proposals/proposals-card').then((m) => ({ default: m.ProposalsCard })));
const RequestsCard = lazy(() => import('@/features/requests/requests-card').then((m) => ({ default: m.RequestsCard })));
const BookingCard = lazy(() => import('@/features/booking/booking-card').then((m) => ({ default: m.BookingCard })));
const ProfileCard = lazy(() => import('@/features/profile/profile-card').then((m) => ({ default: m.ProfileCard })));
const ProgrammeView = lazy(() => import('@/features/programme/programme-view').then((m) => ({ default: m.ProgrammeView })));

/**
 * Booking (its card, the calendars' time zones, luxon) loads only for someone with a pair to book:
 * the booking card shows nothing to anyone else.
 */
function WhenPaired({ children }: { children: ReactNode }) {
  const { user } = useServices();
  const { me, people, profiles, now } = useProgramme();
  if (!me || profiles.status !== 'ready') return null;
  const pairs = bookingPairsOf(user.id, me, profiles.list, people, now());
  return pairs && (pairs.mentor || pairs.executives.length > 0) ? children : null;
}

/** Where the profile card will be, saying how far reading everyone's profiles got. */
function ProfilePlaceholder() {
  const { host } = useServices();
  const { profiles } = useProgramme();
  return (
    <SectionCard title="Your profile">
      <Spinner size="tiny" label={readingProgress('Reading who has opted in', profiles, host.context.locale)} />
    </SectionCard>
  );
}

/**
 * The profile card's code loads once everyone's profiles are read (or cannot be), not alongside the
 * first suggestion's; until it is there, its place says how far the reading got, as the card would.
 */
function AfterProfilesRead({ children }: { children: ReactNode }) {
  const { directory, profiles } = useProgramme();
  const directoryStopped = directory !== undefined && directory.status !== 'loading' && directory.status !== 'ready';
  const read = profiles.status === 'ready' || profiles.status === 'failed' || directoryStopped;
  return read ? <Suspense fallback={<ProfilePlaceholder />}>{children}</Suspense> : <ProfilePlaceholder />;
}

/** The programme view loads only where its owner may be signed in: it shows nothing to anyone else. */
function WhenOwnerPossible({ children }: { children: ReactNode }) {
  const { programmeOwner } = useServices();
  return programmeOwner === false ? null : children;
}

/**
 * When Graph refused for lack of admin consent, nothing on the home can work: the whole tab says
 * once which permission and how an admin grants it (the error's own words), with one way to try
 * again, instead of every card's message and spinner.
 */
function UnlessBlocked({ children }: { children: ReactNode }) {
  const { blocked, retryAll } = useProgramme();
  if (!blocked) return children;
  return <ProblemMessage title="Your admin needs to allow this app" intro={blocked.message} action={{ label: 'Try again', onClick: retryAll }} />;
}

/** The surface gives the host; tests give their own timers for reading the profiles again. */
export interface PersonalTabProps {
  readonly host?: Host;
  /** When the profiles are read again on their own; the browser's timers and visibility by default. */
  readonly refresh?: RefreshSchedule;
}

/**
 * The personal tab's content, once the host has answered. Each card loads on its own, so the
 * suggestions do not wait for another card's code.
 */
export function PersonalTab({ refresh }: PersonalTabProps) {
  return (
    <ProgrammeProvider {...(refresh ? { refresh } : {})}>
      <UnlessBlocked>
        <HomePage>
          <TeamsNotice />
          {/* Your pairing leads; people without a pair see their suggestions first. */}
          <WhenPaired>
            <Suspense fallback={null}>
              <PairingCard />
            </Suspense>
          </WhenPaired>
          {/* What the programme's owners propose waits on the person's answer: before their own search. */}
          <Suspense fallback={null}>
            <ProposalsCard />
          </Suspense>
          <Suspense fallback={null}>
            <SuggestionsCard />
          </Suspense>
          <Suspense fallback={null}>
            <RequestsCard />
          </Suspense>
          <WhenPaired>
            <Suspense fallback={null}>
              <BookingCard />
            </Suspense>
          </WhenPaired>
          <AfterProfilesRead>
            <ProfileCard />
          </AfterProfilesRead>
          <WhenOwnerPossible>
            <Suspense fallback={null}>
              <ProgrammeView />
            </Suspense>
          </WhenOwnerPossible>
        </HomePage>
      </UnlessBlocked>
    </ProgrammeProvider>
  );
}
