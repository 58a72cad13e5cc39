import { ConfigPage } from '@/features/meeting-setup/config-page';
import { startSurface } from '../shell/start-surface';

void startSurface('meeting set-up page', () => <ConfigPage />);
