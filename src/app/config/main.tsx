import { startSurface } from '../shell/start-surface';

// Saving the tab needs no token: the page renders, and Save works, without anyone signing in.
// Its content loads while the host answers: the first screen ("Connecting…") needs none of it.
void startSurface('meeting set-up page', () => import('@/features/meeting-setup/config-page').then((m) => m.ConfigPage), { signIn: false });
