import { describe, expect, test } from 'vitest';
import { UserFacingError } from '@/lib/app/userFacingError';
import { GateEndpointError } from '@/lib/gates/core/gateEndpoint';
import { SiweError } from '@/lib/gates/core/siwe/siweError';
import { ClaimProofError, ClaimsFileError, IncomeError } from '@/lib/income/core/errors';
import { RequestError } from '@/lib/messaging/requests';
import { InvalidTokenIdError } from '@/lib/protocol/caip19';
import {
  HubRefusedVoteError,
  HubResponseError,
  HubUnreachableError,
  InvalidVoteError,
  VotesError,
  VotingPowerError,
} from '@/lib/votes/core/errors';
import { WalletError, toWalletError } from '@/lib/wallet/walletError';
import { BaseError, describeCauseChain } from './baseError';

describe('BaseError', () => {
  test('every error of the product extends it, keeps its sentence as message, and has a stable code', () => {
    const errors = [
      new UserFacingError('This page does not declare a valid personal token.'),
      new InvalidTokenIdError('x', 'expected a CAIP-19 id'),
      new RequestError('The extension background did not answer. Try again.'),
      new SiweError('expired', 'The message has expired.'),
      new GateEndpointError('The creator refused.'),
      new WalletError('cancelled', 'You cancelled in your wallet.'),
      new IncomeError('Income.'),
      new ClaimsFileError('The claims file is not valid JSON; ask the creator to check it.'),
      new ClaimProofError('0x0000000000000000000000000000000000000001', '0x00'),
      new VotesError('Votes.'),
      new HubUnreachableError('The vote hub did not answer in 1 s'),
      new HubResponseError('Bad answer.'),
      new HubRefusedVoteError('too late'),
      new InvalidVoteError('Bad vote.'),
      new VotingPowerError('No power.'),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(BaseError);
      expect(error.shortMessage).toBe(error.message);
    }
    expect(errors.map((e) => `${e.name} ${e.code}`)).toMatchInlineSnapshot(`
      [
        "UserFacingError refused",
        "InvalidTokenIdError protocol.invalid-token-id",
        "RequestError request.failed",
        "SiweError siwe.expired",
        "GateEndpointError gates.endpoint",
        "WalletError wallet.cancelled",
        "IncomeError income",
        "ClaimsFileError income.claims-file",
        "ClaimProofError income.claim-proof",
        "VotesError votes",
        "HubUnreachableError votes.hub-unreachable",
        "HubResponseError votes.hub-response",
        "HubRefusedVoteError votes.hub-refused",
        "InvalidVoteError votes.invalid-vote",
        "VotingPowerError votes.voting-power",
      ]
    `);
  });

  test('walk finds a cause, or the deepest one; the chain is described for the log', () => {
    const rpc = Object.assign(new Error('User rejected the request.'), { code: 4001 });
    const mapped = toWalletError(rpc);
    const outer = new ClaimsFileError('The claims file could not be read.', 'HTTP 500', { cause: mapped });
    expect(outer.walk()).toBe(rpc);
    expect(outer.walk((e) => e instanceof WalletError)).toBe(mapped);
    expect(outer.walk((e) => e instanceof SiweError)).toBeNull();
    expect(describeCauseChain(outer)).toEqual([
      'ClaimsFileError [income.claims-file]: The claims file could not be read. (HTTP 500)',
      'WalletError [wallet.cancelled]: You cancelled in your wallet.',
      'Error: User rejected the request.',
    ]);
    expect(mapped.rpcCode).toBe(4001);
  });

  test('a cause chain that loops is walked once', () => {
    const a = new Error('a');
    const b = new UserFacingError('b', { cause: a });
    a.cause = b;
    expect(describeCauseChain(b)).toEqual(['UserFacingError [refused]: b', 'Error: a']);
  });
});
