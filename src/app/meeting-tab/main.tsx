import { MeetingPage } from '@/features/meeting/meeting-page';
import { startSurface } from '../shell/start-surface';

void startSurface('meeting tab', () => <MeetingPage />);
