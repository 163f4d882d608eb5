import { database } from '@/lib/db/database';
import type { RequestHandlers } from '@/lib/messaging/contract';
import type { backupRequests } from '../contract';
import { exportBackup, importBackup } from './backup';

export const backupHandlers: RequestHandlers<typeof backupRequests> = {
  'backup-export': () => exportBackup(database()),
  'backup-preview': ({ text }) => importBackup(database(), text, { apply: false }),
  'backup-import': ({ text }) => importBackup(database(), text, { apply: true }),
};
