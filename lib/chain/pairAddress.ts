import { encodePacked, getCreate2Address, keccak256, type Address, type Hex } from 'viem';

/** Uniswap V2 orders a pair's tokens by address; token0 is the lower one. */
export function sortTokens(a: Address, b: Address): [Address, Address] {
  return a.toLowerCase() < b.toLowerCase() ? [a, b] : [b, a];
}

/** The pair's address as the factory's CREATE2 gives it: no request needed. */
export function uniswapV2PairAddress(factory: Address, initCodeHash: Hex, a: Address, b: Address): Address {
  const [token0, token1] = sortTokens(a, b);
  return getCreate2Address({
    from: factory,
    salt: keccak256(encodePacked(['address', 'address'], [token0, token1])),
    bytecodeHash: initCodeHash,
  });
}
