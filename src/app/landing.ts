// The site root: the demo build opens the dev host; a tenant build opens the personal tab.
import { buildConfig } from './shell/build-config';

window.location.replace(buildConfig().mode === 'demo' ? '/dev-host/' : '/personal-tab/');
