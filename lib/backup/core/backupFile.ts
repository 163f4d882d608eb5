import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { BaseError } from '@/lib/errors/baseError';
import { BACKUP_SECTIONS, type BackupSection } from './sections';

// The backup file: one JSON document, versioned, checked whole before anything is written.

export const BACKUP_FORMAT = 'personal-token-companion-backup';
export const BACKUP_VERSION = 1;
/** Larger than any real backup by far (follows with their manifests, history): a bigger file is not ours. */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;

const NOTHING_CHANGED = 'Nothing was changed.';

/** A file that is refused; its sentence says why, for the holder. */
export class BackupFileError extends BaseError {
  override name = 'BackupFileError';
  constructor(sentence: string, details?: string) {
    super(`${sentence} ${NOTHING_CHANGED}`, { code: 'backup.file', details });
  }
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  /** One array per section name; a section the file lacks is empty. */
  data: Record<string, unknown[]>;
}

const envelope = z.object({
  format: z.string(),
  version: z.number(),
  exportedAt: z.iso.datetime(),
  data: z.record(z.string().max(100), z.unknown()),
});

/** Sizes in bytes of UTF-8, as the file on disk. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function tooBigSentence(): string {
  return `This file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB, so it is not a backup made by the companion.`;
}

/**
 * Reads a backup file's text: its JSON, its format and version, then every section against its
 * schema. Any problem throws a BackupFileError naming the first thing wrong; sections this version
 * does not know are reported in `unknownSections` and left alone.
 */
export function parseBackupText(
  text: string,
  sections: BackupSection[] = BACKUP_SECTIONS,
): { file: BackupFile; unknownSections: string[] } {
  if (byteLength(text) > MAX_BACKUP_BYTES) throw new BackupFileError(tooBigSentence());
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BackupFileError('This file is not a companion backup: it is not JSON.', String(e));
  }
  const head = envelope.safeParse(json);
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined;
  if (format !== BACKUP_FORMAT) {
    throw new BackupFileError('This file is not a Personal Token Companion backup (export one from Settings → Back up or move your data).');
  }
  if (!head.success) throw new BackupFileError(`This backup is damaged: ${issueText(head.error)}.`, head.error.message);
  if (head.data.version > BACKUP_VERSION) {
    throw new BackupFileError(
      `This backup was made by a newer version of the companion (backup version ${head.data.version}); update the extension, then import it.`,
    );
  }
  if (head.data.version !== BACKUP_VERSION) throw new BackupFileError(`This backup has an unknown version (${head.data.version}).`);

  const data: Record<string, unknown[]> = {};
  for (const section of sections) {
    const rows = head.data.data[section.name];
    if (rows === undefined) {
      data[section.name] = [];
      continue;
    }
    const parsed = section.fileRows.safeParse(rows);
    if (!parsed.success) {
      throw new BackupFileError(`This backup is damaged: ${issueText(parsed.error, section.name)}.`, parsed.error.message);
    }
    data[section.name] = parsed.data;
  }
  const known = new Set(sections.map((s) => s.name));
  const unknownSections = Object.keys(head.data.data).filter((name) => !known.has(name));
  return { file: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: head.data.exportedAt, data }, unknownSections };
}

/** "follows[3].tokenId is not a CAIP-19 token id": where, and what was expected, in a few words. */
function issueText(error: z.ZodError, prefix?: string): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not match the backup format';
  const path = [prefix, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
    .filter((p): p is string => p !== undefined)
    .join('.')
    .replace(/\.\[/g, '[');
  const what = issue.message.length > 120 ? `${issue.message.slice(0, 117)}…` : issue.message;
  return path ? `${path}: ${what}` : what;
}

/** The file an export writes. */
export function buildBackupFile(data: Record<string, unknown[]>, now: Date): BackupFile {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), data };
}

/** `personal-token-companion-backup-2026-12-01.json` */
export function backupFileName(now: Date): string {
  return `${BACKUP_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}
