import { ConfigPage } from '@/features/meeting-setup/config-page';
import { startSurface } from '../shell/start-surface';

// Saving the tab needs no token: the page renders, and Save works, without anyone signing in.
void startSurface('meeting set-up page', (host) => <ConfigPage host={host} />, { signIn: false });
