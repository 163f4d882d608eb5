import { useId, useState, type MouseEvent } from 'react';
import { shortAddress } from '@/lib/format/format';
import { sendFrameRequest } from '@/lib/messaging/requests';
import type { GateView, PageWalletChoice } from '@/lib/gates/contract';
import { UnlockedContent } from './UnlockedContent';
import { holderMessage } from '@/lib/errors/baseError';
import { useUnobscured } from './useUnobscured';

const OBSCURED =
  'The page covered or faded this button when you clicked. Nothing was signed. Make sure it is fully visible, then click again.';

const KIND_WORDS: Record<GateView['kind'], string> = { post: 'Holders-only post', link: 'Holders-only link', code: 'Holders-only code' };

/**
 * One gated block: the creator's teaser stays outside, this shows the unlock control, then the
 * unlocked content in its place. `onUnlockedChange` lets the mount hide or restore the teaser.
 */
export function GatePanel({ initial, onUnlockedChange }: { initial: GateView; onUnlockedChange: (unlocked: boolean) => void }) {
  const [view, setView] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<PageWalletChoice[] | null>(null);

  const { watch, seen } = useUnobscured();

  const unlock = async (event: MouseEvent, walletUuid?: string) => {
    // Only a real click by the holder starts a signature: a page script cannot synthesize one,
    // and a page that hides this frame under something else cannot catch one.
    if (!event.nativeEvent.isTrusted || busy) return;
    if (!seen(event.currentTarget)) return setError(OBSCURED);
    setBusy(true);
    setError(null);
    try {
      const outcome = await sendFrameRequest('unlock-gate', walletUuid ? { gateId: view.gateId, walletUuid } : { gateId: view.gateId });
      if (outcome.kind === 'choose-wallet') return setChoices(outcome.wallets);
      setChoices(null);
      setView(outcome.view);
      onUnlockedChange(outcome.view.state === 'unlocked');
    } catch (e) {
      setChoices(null);
      setError(holderMessage(e));
    } finally {
      setBusy(false);
    }
  };

  // Forgets the unlock here (a shared computer): the next visit asks for a signature again.
  const lock = async (event: MouseEvent) => {
    if (!event.nativeEvent.isTrusted || busy) return;
    if (!seen(event.currentTarget)) return setError(OBSCURED);
    setBusy(true);
    setError(null);
    try {
      setView(await sendFrameRequest('lock-gate', { gateId: view.gateId }));
      onUnlockedChange(false);
    } catch (e) {
      setError(holderMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (view.state === 'unlocked' && view.unlocked) {
    const until = new Date(view.unlocked.expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    return (
      <section className="ptc-gate ptc-unlocked" aria-label={`${view.title} (unlocked)`}>
        <header className="ptc-gate-head">
          <span className="ptc-badge ptc-badge-open">Unlocked</span>
          <strong className="ptc-gate-title">{view.title}</strong>
        </header>
        <UnlockedContent kind={view.kind} content={view.unlocked.content} />
        {error ? (
          <p className="ptc-note ptc-error" role="alert">
            {error}
          </p>
        ) : null}
        <footer className="ptc-foot">
          As {shortAddress(view.unlocked.address)}, until {until}
          {view.note ? <span className="ptc-note"> · {view.note}</span> : null}
          {' · '}
          <button type="button" className="ptc-text-button" ref={watch} onClick={(e) => void lock(e)} disabled={busy}>
            Lock again
          </button>
        </footer>
      </section>
    );
  }

  // The creator's teaser (title, description) stays above: this adds only what the extension knows.
  return (
    <section className="ptc-gate ptc-locked" aria-label={`${view.title} (locked)`}>
      <div className="ptc-gate-head">
        <span className="ptc-lock" aria-hidden="true" />
        <span className="ptc-kind">{KIND_WORDS[view.kind]}</span>
        <span className="ptc-needs">Hold {view.requirement}</span>
      </div>
      {view.note ? (
        <p className="ptc-note ptc-warn" role="status">
          {view.note}
        </p>
      ) : null}
      {error ? (
        <p className="ptc-note ptc-error" role="alert">
          {error}
        </p>
      ) : null}
      {choices ? (
        <WalletChoices wallets={choices} disabled={busy} watch={watch} onPick={(e, uuid) => void unlock(e, uuid)} />
      ) : (
        <button type="button" className="ptc-button" ref={watch} onClick={(e) => void unlock(e)} disabled={busy}>
          {busy ? 'Waiting for your wallet…' : 'Unlock with your wallet'}
        </button>
      )}
      <p className="ptc-fine">One signature, no transaction. The companion checks it before the site sees it.</p>
    </section>
  );
}

/** Several wallets in the page: the holder says which is theirs (a page may announce its own). */
function WalletChoices({
  wallets,
  disabled,
  watch,
  onPick,
}: {
  wallets: PageWalletChoice[];
  disabled: boolean;
  watch: (element: HTMLElement | null) => void;
  onPick: (e: MouseEvent, uuid: string) => void;
}) {
  const idPrefix = useId();
  // The button's name is its visible text ("Sign with MetaMask"); the wallet's rdns, which tells two
  // wallets of the same name apart, sits beside it and describes it (aria-describedby).
  return (
    <div className="ptc-wallets" role="group" aria-label="Choose the wallet that signs">
      <p className="ptc-fine">This page offers several wallets. Which one is yours?</p>
      {wallets.map((wallet, i) => (
        <div key={wallet.uuid} className="ptc-wallet-row">
          <button
            type="button"
            className="ptc-button ptc-secondary ptc-wallet"
            ref={watch}
            disabled={disabled}
            onClick={(e) => onPick(e, wallet.uuid)}
            aria-describedby={wallet.rdns ? `${idPrefix}-rdns-${i}` : undefined}
          >
            {wallet.icon ? <img src={wallet.icon} alt="" width={18} height={18} /> : null}
            Sign with {wallet.name}
          </button>
          {wallet.rdns ? (
            <span className="ptc-rdns" id={`${idPrefix}-rdns-${i}`}>
              {wallet.rdns}
            </span>
          ) : null}
        </div>
      ))}
    </div>
  );
}
