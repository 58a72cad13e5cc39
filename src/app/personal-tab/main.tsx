import { HomePage } from '@/features/home/home-page';
import { startSurface } from '../shell/start-surface';

void startSurface('personal tab', () => <HomePage />);
