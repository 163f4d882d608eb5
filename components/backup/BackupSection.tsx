import { useRef, useState, type ChangeEvent } from 'react';
import { holderMessage } from '@/lib/errors/baseError';
import { sendRequest } from '@/lib/messaging/requests';
import type { BackupSummary } from '@/lib/backup/contract';
import { countsText, downloadText, readBackupFile, summaryLines } from '@/lib/backup/ui/backupFiles';

type Status = { tone: 'ok' | 'error'; text: string } | null;

/** Settings → Back up or move your data: export one file, import one with a preview first. */
export function BackupSection({ onImported }: { onImported(): void }) {
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState<{ name: string; text: string; summary: BackupSummary } | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const exportFile = async () => {
    setStatus(null);
    try {
      const out = await sendRequest('backup-export', {});
      downloadText(out.fileName, out.text);
      setStatus({ tone: 'ok', text: `Saved ${out.fileName}: ${countsText(out.counts) || 'nothing to back up yet'}.` });
    } catch (e) {
      setStatus({ tone: 'error', text: holderMessage(e) });
    }
  };

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be picked again
    setStatus(null);
    setPending(null);
    if (!file) return;
    const read = await readBackupFile(file);
    if ('error' in read) {
      setStatus({ tone: 'error', text: read.error });
      return;
    }
    try {
      const summary = await sendRequest('backup-preview', { text: read.text });
      setPending({ name: file.name, text: read.text, summary });
    } catch (e) {
      setStatus({ tone: 'error', text: holderMessage(e) });
    }
  };

  const importFile = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const done = await sendRequest('backup-import', { text: pending.text });
      const { adds, fills } = summaryLines(done);
      setPending(null);
      setStatus({
        tone: 'ok',
        text:
          adds || fills
            ? `Imported: ${[adds, fills && `filled in ${fills}`].filter(Boolean).join('; ')}.`
            : 'Nothing new: all of it was already here.',
      });
      onImported();
    } catch (e) {
      setStatus({ tone: 'error', text: holderMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const lines = pending ? summaryLines(pending.summary) : null;
  const nothingNew = lines !== null && !lines.adds && !lines.fills;

  return (
    <section className="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Back up or move your data</h2>
      <p className="muted small">
        One file with your follows, added token lists, settings, site choices, recorded votes and claims: keep it, or import it in another
        browser. It holds no key; the connected wallet is not in it.
      </p>
      <div className="row">
        <button type="button" className="secondary small-button" onClick={() => void exportFile()}>
          Export to a file
        </button>
        <button type="button" className="secondary small-button" onClick={() => input.current?.click()}>
          Import a file…
        </button>
        <input
          ref={input}
          id="backup-file"
          type="file"
          accept=".json,application/json"
          aria-label="Backup file to import"
          // Not shown: "Import a file…" opens the browser's file picker through it.
          hidden
          onChange={(e) => void pick(e)}
        />
      </div>

      {pending && lines && (
        <div className="backup-preview" data-testid="backup-preview" role="region" aria-labelledby="backup-preview-heading">
          <h3 id="backup-preview-heading" className="small-heading">
            {pending.name}
          </h3>
          <p className="small muted">
            Exported {new Date(pending.summary.exportedAt).toLocaleString()}. Nothing is written until you import.
          </p>
          <ul className="small">
            {lines.adds && <li data-testid="backup-adds">Adds {lines.adds}</li>}
            {lines.fills && <li>Fills in what is missing here for {lines.fills}</li>}
            {lines.keeps && <li className="muted">Already here, kept as they are: {lines.keeps}</li>}
            {pending.summary.unknownSections.length > 0 && (
              <li className="muted">Not read by this version: {pending.summary.unknownSections.join(', ')}</li>
            )}
          </ul>
          <div className="row">
            {!nothingNew && (
              <button type="button" className="small-button" disabled={busy} onClick={() => void importFile()}>
                Import
              </button>
            )}
            <button type="button" className="secondary small-button" onClick={() => setPending(null)}>
              {nothingNew ? 'Close' : 'Cancel'}
            </button>
          </div>
          {nothingNew && <p className="small">Everything in this file is already here.</p>}
        </div>
      )}

      {status && (
        <p
          className={`small ${status.tone === 'error' ? 'error' : ''}`}
          role={status.tone === 'error' ? 'alert' : 'status'}
          data-testid="backup-status"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
