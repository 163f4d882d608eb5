import { encodeFunctionData, erc20Abi, getContractAddress, maxUint256, type Address } from 'viem';
import { uniswapV2PairAddress } from '../../lib/chain/pairAddress';
import { factoryAbi, routerAbi } from './artifacts';
import { devnetClient, sendInOrder, type DevnetTx } from './client';
import { deployTestErc20, pairInitCodeHash } from './deployChain';
import type { DevnetChain } from './devnet';
import { DEVNET_BENCH_DEPLOYERS } from './plan';

const UNIT = 10n ** 18n;
const SUPPLY = 1_000_000n * UNIT;
const LIQUIDITY = { token: 100_000n * UNIT, eth: 1n * UNIT };
const TXS_PER_TOKEN = 4;

/**
 * For the bench: `count` more creator tokens ("Bench Creator N", BENCHN), each with a funded
 * WETH pair, and `1,000 + N` of each sent to `holder`. A separate deployer account keeps the
 * main deployer's nonce sequence (and so every documented address) untouched; N keeps counting
 * across calls, so tokens from repeated calls never share a name.
 */
export async function deployExtraCreatorTokens(
  chain: DevnetChain,
  count: number,
  holder: Address,
): Promise<{ token: Address; pair: Address }[]> {
  const { deployment: d } = chain;
  const from = DEVNET_BENCH_DEPLOYERS[d.chainId];
  const client = devnetClient(chain.rpcUrl);
  const firstNonce = await client.getTransactionCount({ address: from, blockTag: 'pending' });
  const hash = pairInitCodeHash(d.chainId);

  const created: { token: Address; pair: Address }[] = [];
  const txs: DevnetTx[] = [];
  for (let i = 0; i < count; i++) {
    const nonce = firstNonce + i * TXS_PER_TOKEN;
    const n = Math.floor(nonce / TXS_PER_TOKEN) + 1;
    const token = getContractAddress({ from, nonce: BigInt(nonce) });
    const pair = uniswapV2PairAddress(d.factory, hash, token, d.weth);
    created.push({ token, pair });
    txs.push(
      { label: `deploy BENCH${n}`, data: deployTestErc20(`Bench Creator ${n}`, `BENCH${n}`, SUPPLY) },
      {
        label: `BENCH${n}.approve(router)`,
        to: token,
        data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [d.router, LIQUIDITY.token] }),
      },
      {
        label: `router.addLiquidityETH(BENCH${n})`,
        to: d.router,
        value: LIQUIDITY.eth,
        data: encodeFunctionData({
          abi: routerAbi,
          functionName: 'addLiquidityETH',
          args: [token, LIQUIDITY.token, LIQUIDITY.token, LIQUIDITY.eth, from, maxUint256],
        }),
      },
      {
        label: `BENCH${n}.transfer(holder)`,
        to: token,
        data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [holder, (1_000n + BigInt(n)) * UNIT] }),
      },
    );
  }
  await sendInOrder(client, from, firstNonce, txs);

  const pairs = await Promise.all(
    created.map(({ token }) =>
      client.readContract({ address: d.factory, abi: factoryAbi, functionName: 'getPair', args: [token, d.weth] }),
    ),
  );
  pairs.forEach((pair, i) => {
    if (pair !== created[i]?.pair) throw new Error(`Bench token ${created[i]?.token}: factory pair ${pair} differs from the derived one`);
  });
  return created;
}
