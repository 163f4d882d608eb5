import { useState } from 'react';
import { sendRequest } from '@/lib/messaging/requests';
import { shortAddress } from '@/lib/ui/format';
import { usePopupStore } from '@/lib/ui/popupStore';

/** Connect / show the connected wallet. Errors (cancelled, no wallet) become a notice. */
export function WalletButton({ wallet, watchAddress, onConnected }: { wallet: { account: string } | null; watchAddress: string | null; onConnected(): void }) {
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
      notify({ tone: 'info', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {watchAddress && (
        <span className="account-chip" title={`Watching ${watchAddress} (read-only)`} data-testid="account">
          <span aria-hidden="true">👁</span> <span className="sr-only">Watching </span>{shortAddress(watchAddress)}
        </span>
      )}
      <button type="button" className="secondary small-button" onClick={() => void connect()} disabled={busy} aria-busy={busy} aria-label="Connect wallet">
        {busy ? 'Connecting…' : 'Connect'}
      </button>
    </>
  );
}
