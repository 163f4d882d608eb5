import { provideBackgroundFeatures } from '@/lib/app/background/backgroundFeatures';
import { startFeatures } from '@/lib/app/background/startFeatures';

// The service worker's second script: everything the start script (background.ts) does not
// load on every start. Chrome imports it into the worker, Firefox adds it to the background page
// (lib/app/background/backgroundFeatures.ts).
export default defineUnlistedScript(() => provideBackgroundFeatures(startFeatures()));
