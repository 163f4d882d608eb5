import type { TransactionRow } from '@/lib/db/rows';

// A worker that stopped while the wallet was open lost the wallet's answer: the record says
// "awaiting signature" with no hash, whatever the holder did. The chain tells what happened.

/** What older versions wrote at restart; such records are checked once more. */
export const LEGACY_RESTART_MESSAGE =
  'The extension restarted while your wallet was open. If you confirmed, the claim will show as done after the next refresh.';
/** Written when the chain could not be asked; checked again at the next start. */
export const UNCHECKED_MESSAGE =
  'The extension restarted while your wallet was open and could not reach the chain to check what happened. Check your wallet’s activity before trying again.';

/** The chain shows the claim or collection did not happen: the holder may send it again. */
export function notSentMessage(kind: TransactionRow['kind']): string {
  if (kind === 'claim')
    return 'The extension restarted while your wallet was open, and the chain shows this round is not claimed: nothing went through. If your wallet still shows the request, reject it. You can claim again.';
  return `The extension restarted while your wallet was open, and the chain shows nothing was sent. If your wallet still shows the request, reject it. You can ${kind === 'redeem' ? 'redeem' : 'collect'} again.`;
}

/** A collection whose transaction was not among the recent blocks while the account's nonce moved. */
export const NOT_FOUND_MESSAGE =
  'The extension restarted while your wallet was open and did not find this transaction in recent blocks. Check your wallet’s activity before collecting again.';

// A wallet prompt may outlive the restart: the holder can still confirm after the check said
// "nothing was sent". Such records are checked again at each start for this long.
const RECHECK_WINDOW_MS = 60 * 60_000;

/** Records the last worker left unfinished, or whose check may still change. */
export function needsCheck(row: TransactionRow, startedAt: number): boolean {
  if (row.createdAt >= startedAt) return false; // the running worker's own
  if (row.status === 'awaiting-signature' || row.status === 'pending') return true;
  if (row.status !== 'failed' || row.hash !== null) return false;
  if (row.error === LEGACY_RESTART_MESSAGE || row.error === UNCHECKED_MESSAGE) return true;
  return (row.error === notSentMessage(row.kind) || row.error === NOT_FOUND_MESSAGE) && row.createdAt >= startedAt - RECHECK_WINDOW_MS;
}
