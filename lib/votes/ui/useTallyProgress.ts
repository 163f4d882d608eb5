import { useEffect, useState } from 'react';
import type { TallyProgressView } from '@/lib/votes/contract';
import { tallyProgressItem } from '@/lib/votes/tallyProgressItem';

/** The background's progress on a proposal's tally, followed while `running`; the last seen stays after. */
export function useTallyProgress(proposalId: string, running: boolean): TallyProgressView | null {
  const [progress, setProgress] = useState<TallyProgressView | null>(null);
  useEffect(() => {
    if (!running) return;
    return tallyProgressItem(proposalId).watch((value) => setProgress(value));
  }, [running, proposalId]);
  return progress;
}
