import { describe, expect, test } from 'vitest';
import { WalletError, toWalletError } from './walletError';

const kindAndMessage = (error: unknown) => {
  const mapped = toWalletError(error);
  return { kind: mapped.kind, message: mapped.message, code: mapped.rpcCode };
};

describe('toWalletError', () => {
  test('4001 is a calm cancel', () => {
    expect(kindAndMessage({ code: 4001, message: 'User rejected the request.' })).toMatchInlineSnapshot(`
      {
        "code": 4001,
        "kind": "cancelled",
        "message": "You cancelled in your wallet.",
      }
    `);
  });

  test('-32002 means a request is already waiting in the wallet', () => {
    expect(kindAndMessage({ code: -32002, message: "Request of type 'wallet_requestPermissions' already pending" }).kind).toBe(
      'wallet-busy',
    );
  });

  test('4902 is a chain the wallet does not know', () => {
    expect(kindAndMessage({ code: 4902, message: 'Unrecognized chain ID' })).toMatchInlineSnapshot(`
      {
        "code": 4902,
        "kind": "wrong-chain",
        "message": "Your wallet does not know this chain. Add it in MetaMask, then try again.",
      }
    `);
  });

  test('a lost connection is not a missing wallet', () => {
    expect(kindAndMessage({ code: 1011, message: 'Premature close' })).toMatchInlineSnapshot(`
      {
        "code": 1011,
        "kind": "unknown",
        "message": "The connection to MetaMask was lost. Try again.",
      }
    `);
  });

  test("anything else keeps the wallet's message, capped", () => {
    expect(kindAndMessage({ code: -32603, message: 'execution reverted: nope' })).toMatchInlineSnapshot(`
      {
        "code": -32603,
        "kind": "unknown",
        "message": "Your wallet reported an error: execution reverted: nope",
      }
    `);
    expect(toWalletError(new Error('x'.repeat(1000))).message.length).toBeLessThan(400);
    expect(toWalletError(undefined).message).toBe('Your wallet reported an error.');
  });

  test('a WalletError passes through unchanged', () => {
    const error = new WalletError('refused', 'no');
    expect(toWalletError(error)).toBe(error);
  });
});
