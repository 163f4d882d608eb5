import { useState } from 'react';
import { holderMessage } from '@/lib/errors/baseError';

export type SaveStatus = { tone: 'error' | 'ok'; text: string } | null;

/**
 * The save-and-say-what-happened shape every settings form shares: `run` clears the last line,
 * awaits the work and shows its sentence, or the holder's sentence for the error it threw.
 */
export function useSaveStatus() {
  const [status, setStatus] = useState<SaveStatus>(null);
  const run = async (work: () => Promise<string | null>): Promise<void> => {
    setStatus(null);
    try {
      const text = await work();
      if (text) setStatus({ tone: 'ok', text });
    } catch (e) {
      setStatus({ tone: 'error', text: holderMessage(e) });
    }
  };
  return { status, setStatus, run };
}

/** The line beside a form's button: announced as an alert when it is an error. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  if (!status) return null;
  const isError = status.tone === 'error';
  return (
    <span className={`small ${isError ? 'error' : 'muted'}`} role={isError ? 'alert' : 'status'}>
      {status.text}
    </span>
  );
}
