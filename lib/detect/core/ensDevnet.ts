import type { Address } from 'viem';
import { DEVNET_A } from '@/lib/chain/devnet';

/**
 * The devnet's ENS, on chain A (test/devnet/deployEns.ts deploys it from a fixed deployer, so
 * every address is fixed too; the deploy checks them). Constants only, so test/devnet can import
 * them outside a build; the extension reads them in devnet builds only (ensChain.ts).
 */
export const DEVNET_ENS = {
  chainId: DEVNET_A.chainId,
  deployer: '0x00000000000000000000000000000000000E45D0',
  registry: '0x6F55b113C85147dCb91126E545D9d0f9110fd3D8',
  publicResolver: '0x752361B1AD5a2Dc46483b0389855d0F2EFf6A2b8',
  /** Alex's creator coin (Ownable, owner = Alex), confirmed on Alex's site by alex.eth. */
  alexCoin: '0x2491610C552a4F171a406cF757813fa98a5DbF92',
  /** A copy of ALEX's name and symbol, owned by someone whose ENS name points at Alex's site. */
  lookalikeToken: '0x4A6CD5dd84FD4f85F45887221EEf3F17FFDa77ce',
  lookalikeOwner: '0x000000000000000000000000000000000000bad1',
  /** A token with no owner() at all. */
  noOwnerToken: '0x2A9A99a548C6d57CDE1DA7B341bAFea84DA74443',
} as const satisfies Record<string, Address | number>;
