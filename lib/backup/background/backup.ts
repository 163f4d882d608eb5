import type { CompanionDatabase } from '@/lib/db/database';
import { backupFileName, buildBackupFile, parseBackupText } from '../core/backupFile';
import { BACKUP_SECTIONS, type BackupSection } from '../core/sections';
import type { BackupSummary } from '../contract';

/** Every section's rows as they leave the browser, in one read transaction (a consistent copy). */
export async function exportBackup(db: CompanionDatabase, now = new Date(), sections: BackupSection[] = BACKUP_SECTIONS) {
  const data: Record<string, unknown[]> = {};
  await db.transaction(
    'r',
    sections.map((s) => db.table(s.table)),
    async () => {
      for (const section of sections) {
        const { rows, skipped } = section.exportRows(await db.table(section.table).toArray());
        if (skipped) console.warn(`Backup: ${skipped} ${section.name} rows do not fit the backup schema and were left out.`);
        data[section.name] = rows;
      }
    },
  );
  return {
    fileName: backupFileName(now),
    text: JSON.stringify(buildBackupFile(data, now), null, 2),
    counts: sections.map((s) => ({ name: s.name, noun: s.noun, count: data[s.name]?.length ?? 0 })),
  };
}

/**
 * Checks the file whole, then plans each section against what is here, in one transaction:
 * `apply: false` (the preview) only reads; `apply: true` writes every section or, on any error,
 * nothing (Dexie aborts the transaction). Rows here are never removed or overwritten: see the
 * merge rule of each section (lib/backup/core/sections.ts).
 */
export async function importBackup(
  db: CompanionDatabase,
  text: string,
  opts: { apply: boolean },
  sections: BackupSection[] = BACKUP_SECTIONS,
): Promise<BackupSummary> {
  const { file, unknownSections } = parseBackupText(text, sections);
  const tables = sections.map((s) => db.table(s.table));
  const summary: BackupSummary = { exportedAt: file.exportedAt, sections: [], unknownSections };
  await db.transaction(opts.apply ? 'rw' : 'r', tables, async () => {
    for (const section of sections) {
      const rows = file.data[section.name] ?? [];
      const table = db.table(section.table);
      const existing = rows.length ? await table.bulkGet(section.keysOf(rows)) : [];
      const plan = section.plan(rows, existing);
      if (opts.apply && plan.puts.length) await table.bulkPut(plan.puts);
      summary.sections.push({ name: section.name, noun: section.noun, added: plan.added, merged: plan.merged, kept: plan.kept });
    }
  });
  return summary;
}
