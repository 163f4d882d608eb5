import type { AppRequests } from '@/lib/app/contract';
import type { RequestHandlers } from '@/lib/messaging/contract';
import { alertsHandlers } from '../../alerts/background/handlers';
import { backupHandlers } from '../../backup/background/handlers';
import { detectHandlers } from '../../detect/background/handlers';
import { gatesHandlers } from '../../gates/background/handlers';
import { holdingsHandlers } from '../../holdings/background/handlers';
import { incomeHandlers } from '../../income/background/handlers';
import { listsHandlers } from '../../lists/background/handlers';
import { lpHandlers } from '../../lp/background/handlers';
import { offersHandlers } from '../../offers/background/handlers';
import { settingsHandlers } from '../../settings/background/handlers';
import { votesHandlers } from '../../votes/background/handlers';
import { walletRequestHandlers } from '../../wallet/walletHandlers';

/** The request table: each feature registers its own handlers; this only combines them. */
export const requestHandlers: RequestHandlers<AppRequests> = {
  ...detectHandlers,
  ...holdingsHandlers,
  ...settingsHandlers,
  ...walletRequestHandlers,
  ...votesHandlers,
  ...incomeHandlers,
  ...lpHandlers,
  ...gatesHandlers,
  ...alertsHandlers,
  ...listsHandlers,
  ...backupHandlers,
  ...offersHandlers,
};
