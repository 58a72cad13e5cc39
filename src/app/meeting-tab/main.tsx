import { startSurface } from '../shell/start-surface';

// The tab's content loads while the host answers: the first screen ("Connecting…") needs none of it.
void startSurface('meeting tab', () => import('@/features/meeting/meeting-page').then((m) => m.MeetingPage));
