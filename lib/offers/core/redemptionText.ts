import type { RedemptionRow } from '@/lib/db/rows';

/** The redemption's state in a few words, for the popup's list. */
export function redemptionStatusText(row: Pick<RedemptionRow, 'status' | 'reference'>): string {
  switch (row.status) {
    case 'proving':
      return 'Waiting for your signature on the creator’s page';
    case 'paying':
      return 'Paying: waiting for the transfer';
    case 'booking':
      return 'Paid; booking with the creator';
    case 'booked':
      return `Booked · ${row.reference ?? ''}`;
    case 'booking-failed':
      return 'Paid, not booked yet';
    case 'failed':
      return 'Not paid';
    case 'cancelled':
      return 'Cancelled, not paid';
  }
}

/** A redemption that still moves on by itself (the worker works on it). */
export function redemptionInProgress(row: Pick<RedemptionRow, 'status'>): boolean {
  return row.status === 'proving' || row.status === 'paying' || row.status === 'booking';
}
