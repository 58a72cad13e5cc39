import { lazy, Suspense } from 'react';
import { ProgrammeProvider } from '@/context/programme-context';
import { HomePage } from '@/features/home/home-page';

// These need the directory and everyone's profiles, which come after first paint; so does their code.
const SuggestionsCard = lazy(() => import('@/features/suggestions/suggestions-card').then((m) => ({ default: m.SuggestionsCard })));
const RequestsCard = lazy(() => import('@/features/requests/requests-card').then((m) => ({ default: m.RequestsCard })));
const BookingCard = lazy(() => import('@/features/booking/booking-card').then((m) => ({ default: m.BookingCard })));
const ProfileCard = lazy(() => import('@/features/profile/profile-card').then((m) => ({ default: m.ProfileCard })));
const ProgrammeView = lazy(() => import('@/features/programme/programme-view').then((m) => ({ default: m.ProgrammeView })));

/** The personal tab's content, once the host has answered. */
export function PersonalTab() {
  return (
    <ProgrammeProvider>
      <HomePage>
        <Suspense fallback={null}>
          <SuggestionsCard />
          <RequestsCard />
          <BookingCard />
          <ProfileCard />
          <ProgrammeView />
        </Suspense>
      </HomePage>
    </ProgrammeProvider>
  );
}
