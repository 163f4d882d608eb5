import {
  getTypesForEIP712Domain,
  isAddressEqual,
  isHex,
  recoverTypedDataAddress,
  serializeTypedData,
  size,
  validateTypedData,
  type TypedData,
  type TypedDataDefinition,
  type TypedDataParameter,
  type TypedDataDomain,
} from 'viem';
import { typedMessageProblem } from './checkTypedMessage';
import type { SignTypedDataParameters, SignTypedDataReturnType } from './types';
import { WalletError } from './walletError';
import type { WalletSession } from './walletSession';

/**
 * eth_signTypedData_v4, only for the primary types the caller allows (the votes code passes
 * Snapshot's `Vote` types). Anything else (a Permit, an order, an approval) is refused before the
 * wallet sees it. The signature must recover to `account`, or it is not returned.
 */
export async function signTypedData(session: WalletSession, parameters: SignTypedDataParameters): Promise<SignTypedDataReturnType> {
  const { account, typedData, allowedPrimaryTypes } = parameters;
  const { primaryType, message } = typedData;
  const domain = (typedData.domain ?? {}) as TypedDataDomain;
  const types = typedData.types as TypedData;
  if (primaryType === 'EIP712Domain' || !allowedPrimaryTypes.includes(primaryType)) {
    throw new WalletError('refused', `The companion does not sign "${String(primaryType).slice(0, 40)}" messages.`);
  }
  // MetaMask hashes the domain with the EIP712Domain type it is given, so derive it from the domain
  // exactly as viem and snapshot.js do; a caller's own EIP712Domain is overridden, not trusted.
  const fullTypes: Record<string, readonly TypedDataParameter[]> = {};
  for (const [name, fields] of Object.entries(types)) if (fields) fullTypes[name] = fields;
  fullTypes.EIP712Domain = getTypesForEIP712Domain({ domain });
  // Types chosen at run time: viem checks the message against them when it hashes, not at compile time.
  const definition: TypedDataDefinition<Record<string, unknown>, string> = { domain, message, primaryType, types: fullTypes };
  const problem = typedMessageProblem(types, primaryType, message);
  if (problem)
    throw new WalletError('refused', `The message to sign is malformed (${problem.slice(0, 120)}), so it was not sent to your wallet.`);
  let json: string;
  try {
    validateTypedData(definition);
    json = serializeTypedData(definition);
  } catch (cause) {
    throw new WalletError('refused', 'The message to sign is malformed, so it was not sent to your wallet.', { cause });
  }
  const signature = await session.request('eth_signTypedData_v4', [account, json]);
  if (!isHex(signature) || size(signature) !== 65)
    throw new WalletError('unknown', 'Your wallet returned something that is not a signature.');
  const signer = await recoverTypedDataAddress({ ...definition, signature });
  if (!isAddressEqual(signer, account)) {
    throw new WalletError('unknown', 'Your wallet signed with another account than the connected one. Check the account in MetaMask.');
  }
  return signature;
}
