import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';
import { MAX_BACKUP_BYTES } from './core/backupFile';

// Requests of the backup feature, from the popup (Settings → Back up or move your data). The file
// travels as text: the background checks it whole (lib/backup/core/backupFile.ts) before anything.

const backupText = z.strictObject({ text: z.string().max(MAX_BACKUP_BYTES) });

/** Per section of the file: what an import adds, fills in, or leaves as it is here. */
export const backupSummarySchema = z.object({
  exportedAt: z.string(),
  sections: z.array(
    z.object({
      name: z.string(),
      noun: z.tuple([z.string(), z.string()]),
      added: z.number(),
      merged: z.number(),
      kept: z.number(),
    }),
  ),
  /** Sections of a newer companion that this version does not read: left alone. */
  unknownSections: z.array(z.string()),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupRequests = {
  /** The whole backup file, ready to download, with the count of rows per section. */
  'backup-export': defineRequest({
    sender: 'popup',
    input: z.strictObject({}),
    output: z.object({
      fileName: z.string(),
      text: z.string(),
      counts: z.array(z.object({ name: z.string(), noun: z.tuple([z.string(), z.string()]), count: z.number() })),
    }),
  }),
  /** What importing the file would do; writes nothing. */
  'backup-preview': defineRequest({ sender: 'popup', input: backupText, output: backupSummarySchema }),
  /** Imports the file in one transaction: all of it, or (refused) nothing. */
  'backup-import': defineRequest({ sender: 'popup', input: backupText, output: backupSummarySchema }),
};
