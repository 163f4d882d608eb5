import type { BackupSummary } from '../contract';
import { MAX_BACKUP_BYTES, tooBigSentence } from '../core/backupFile';

/** Saves `text` as a file through the browser's downloads (a blob URL on an anchor). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has the data once it started; a minute is plenty even on a slow disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The picked file's text, or a refusal sentence before reading a file far too big to be a backup. */
export async function readBackupFile(file: File): Promise<{ text: string } | { error: string }> {
  if (file.size > MAX_BACKUP_BYTES) return { error: `${tooBigSentence()} Nothing was changed.` };
  return { text: await file.text() };
}

const plural = (n: number, noun: [string, string]) => `${n.toLocaleString()} ${n === 1 ? noun[0] : noun[1]}`;

/** "2 follows, 1 token list": the kinds with a count above zero; '' when none. */
export function countsText(items: { count: number; noun: [string, string] }[]): string {
  return items
    .filter((item) => item.count > 0)
    .map((item) => plural(item.count, item.noun))
    .join(', ');
}

/** What an import adds, fills in (rows here that lacked a field) and keeps as it is here. */
export function summaryLines(summary: BackupSummary): { adds: string; fills: string; keeps: string } {
  const by = (pick: (s: BackupSummary['sections'][number]) => number) =>
    countsText(summary.sections.map((s) => ({ count: pick(s), noun: s.noun })));
  return { adds: by((s) => s.added), fills: by((s) => s.merged), keeps: by((s) => s.kept) };
}
