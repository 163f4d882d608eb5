import { alertsRequests } from '@/lib/alerts/contract';
import { backupRequests } from '@/lib/backup/contract';
import { detectRequests } from '@/lib/detect/contract';
import { gatesRequests } from '@/lib/gates/contract';
import { holdingsRequests } from '@/lib/holdings/contract';
import { incomeRequests } from '@/lib/income/contract';
import { listsRequests } from '@/lib/lists/contract';
import { lpRequests } from '@/lib/lp/contract';
import { offersRequests } from '@/lib/offers/contract';
import { settingsRequests } from '@/lib/settings/contract';
import { votesRequests } from '@/lib/votes/contract';
import { walletRequests } from '@/lib/wallet/contract';

/** Every request the background answers, each declared by its feature's `contract.ts`. */
export const appRequests = {
  ...detectRequests,
  ...holdingsRequests,
  ...settingsRequests,
  ...walletRequests,
  ...votesRequests,
  ...incomeRequests,
  ...lpRequests,
  ...gatesRequests,
  ...alertsRequests,
  ...listsRequests,
  ...backupRequests,
  ...offersRequests,
};

export type AppRequests = typeof appRequests;
export type AppRequestType = keyof AppRequests;
