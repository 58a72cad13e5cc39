import { startSurface } from '../shell/start-surface';

// The tab's content loads while the host answers: the first screen ("Connecting…") needs none of it.
void startSurface('personal tab', () => import('./personal-tab').then((m) => m.PersonalTab));
