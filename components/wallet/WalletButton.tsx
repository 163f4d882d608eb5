import { useState } from 'react';
import { sendRequest } from '@/lib/messaging/requests';
import { shortAddress } from '@/lib/format/format';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import { holderMessage } from '@/lib/errors/baseError';

/** Connect / show the connected wallet. Errors (cancelled, no wallet) become a notice. */
export function WalletButton({
  wallet,
  watchAddress,
  onConnected,
}: {
  wallet: { account: string } | null;
  watchAddress: string | null;
  onConnected(): void;
}) {
  const notify = usePopupStore((s) => s.notify);
  const [busy, setBusy] = useState(false);

  if (wallet) {
    return (
      <span className="account-chip connected" title={wallet.account} data-testid="account">
        <span className="dot" aria-hidden="true" /> {shortAddress(wallet.account)}
      </span>
    );
  }
  const connect = async () => {
    setBusy(true);
    try {
      await sendRequest('wallet-connect', {});
      notify(null);
      onConnected();
    } catch (e) {
      notify({ tone: 'info', text: holderMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {watchAddress && (
        <span className="account-chip" title={`Watching ${watchAddress} (read-only)`} data-testid="account">
          <EyeIcon /> <span className="sr-only">Watching </span>
          {shortAddress(watchAddress)}
        </span>
      )}
      <button
        type="button"
        className="secondary small-button"
        onClick={() => void connect()}
        disabled={busy}
        aria-busy={busy}
        aria-label={busy ? 'Connecting… your wallet' : 'Connect wallet'}
      >
        {busy ? 'Connecting…' : 'Connect'}
      </button>
    </>
  );
}

/** Watch-only: drawn, not an emoji, so it shows the same on every system. */
function EyeIcon() {
  return (
    <svg width="14" height="10" viewBox="0 0 14 10" aria-hidden="true" className="eye">
      <path d="M1 5c1.6-2.7 3.6-4 6-4s4.4 1.3 6 4c-1.6 2.7-3.6 4-6 4S2.6 7.7 1 5z" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <circle cx="7" cy="5" r="1.8" fill="currentColor" />
    </svg>
  );
}
