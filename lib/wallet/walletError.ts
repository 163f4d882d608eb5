/**
 * What went wrong, in the few cases the popup tells apart:
 * - `cancelled`: the holder said no in the wallet (EIP-1193 4001). Calm, and never retried.
 * - `wallet-missing`: MetaMask is not installed, disabled, or its connection dropped at once.
 * - `wrong-chain`: the wallet is on another chain and would not (or could not) switch.
 * - `wallet-busy`: the wallet already shows a request of ours (-32002).
 * - `refused`: this module refused to ask (not an allowed typed-data type, an approval…).
 * - `unknown`: anything else, with the wallet's own message.
 */
export type WalletErrorKind = 'cancelled' | 'wallet-missing' | 'wrong-chain' | 'wallet-busy' | 'refused' | 'unknown';

export const WALLET_MESSAGES = {
  cancelled: 'You cancelled in your wallet.',
  'wallet-missing': 'MetaMask is not installed or disabled. Install it, or use watch-only.',
  'wallet-busy': 'Your wallet already has a request from the companion waiting. Open MetaMask to finish or cancel it, then try again.',
  lost: 'The connection to MetaMask was lost. Try again.',
  timeout: 'MetaMask did not answer. Open it once (it may be locked or updating), then try again.',
} as const;

/** The one error type this module throws; `message` is written to be shown as is. */
export class WalletError extends Error {
  override name = 'WalletError';
  readonly kind: WalletErrorKind;
  /** The wallet's JSON-RPC error code, when it gave one. */
  readonly code: number | undefined;

  constructor(kind: WalletErrorKind, message: string, options: { code?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.code = options.code;
  }
}

export type WalletErrorType = WalletError;

const MAX_WALLET_MESSAGE = 300;

/** Maps anything a provider throws (EIP-1193 `{ code, message }` errors included) to a WalletError. */
export function toWalletError(error: unknown): WalletError {
  if (error instanceof WalletError) return error;
  const code = errorCode(error);
  switch (code) {
    case 4001:
      return new WalletError('cancelled', WALLET_MESSAGES.cancelled, { code, cause: error });
    case -32002:
      return new WalletError('wallet-busy', WALLET_MESSAGES['wallet-busy'], { code, cause: error });
    case 4902:
      return new WalletError('wrong-chain', 'Your wallet does not know this chain. Add it in MetaMask, then try again.', { code, cause: error });
    case 4100:
      return new WalletError('unknown', 'Your wallet has not allowed the companion to use this account. Connect again.', { code, cause: error });
    case 1011:
    case 1013:
    case 4900:
      return new WalletError('unknown', WALLET_MESSAGES.lost, { code, cause: error });
  }
  const text = errorText(error).slice(0, MAX_WALLET_MESSAGE);
  return new WalletError('unknown', text ? `Your wallet reported an error: ${text}` : 'Your wallet reported an error.', { code, cause: error });
}

function errorCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code } = error as { code?: unknown };
  return typeof code === 'number' && Number.isInteger(code) ? code : undefined;
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const { message } = error as { message?: unknown };
    if (typeof message === 'string') return message;
  }
  return '';
}
