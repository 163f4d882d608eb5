import { startTallyWorkers } from '@/lib/votes/offscreen/tallyWorkersPage';

// The offscreen document the service worker opens for a tally (lib/votes/background/tallyWorkers.ts).
void startTallyWorkers();
