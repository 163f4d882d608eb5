import type { Hex } from 'viem';

/** The same hex in lower case, still typed as hex (roots and proofs compare case-blind). */
export function lowerHex(value: Hex): Hex {
  return `0x${value.slice(2).toLowerCase()}`;
}
