import { encodeDeployData, encodeFunctionData, erc20Abi, getAddress, keccak256, maxUint256, type Address } from 'viem';
import { DEVNET_CHAINS, type DevnetDeployment } from '../../lib/chain/devnet';
import { uniswapV2PairAddress } from '../../lib/chain/pairAddress';
import { BYTECODE, factoryAbi, loadMulticall3Bytecode, routerAbi, testErc20Abi } from './artifacts';
import { devnetClient, sendInOrder, type DevnetTx } from './client';
import { DEVNET_CREATOR_TOKENS, DEVNET_DEPLOY_STEPS, DEVNET_HOLDERS, DEVNET_NEXT_NONCE, DEVNET_USDC } from './plan';

export interface DevnetPairs {
  creatorWeth: Address;
  wethUsdc: Address;
}

/** The init code hash the extension derives pair addresses with; the shipped pair code must hash to it. */
export function pairInitCodeHash(chainId: number) {
  const config = DEVNET_CHAINS.find((c) => c.chainId === chainId);
  if (!config) throw new Error(`No devnet chain config for chain ${chainId}`);
  const shipped = keccak256(BYTECODE.pair);
  if (shipped !== config.uniswapV2.pairInitCodeHash) {
    throw new Error(`UniswapV2Pair code hashes to ${shipped}, lib/chain/devnet.ts expects ${config.uniswapV2.pairInitCodeHash}`);
  }
  return shipped;
}

export function devnetPairs(d: DevnetDeployment): DevnetPairs {
  const hash = pairInitCodeHash(d.chainId);
  return {
    creatorWeth: uniswapV2PairAddress(d.factory, hash, d.creatorToken, d.weth),
    wethUsdc: uniswapV2PairAddress(d.factory, hash, d.weth, d.usdc),
  };
}

const approve = (spender: Address, amount: bigint) =>
  encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, amount] });
const transfer = (to: Address, amount: bigint) => encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] });
// Minimums equal the desired amounts: the pools are new, so any other outcome is a bug.
const addLiquidityEth = (token: Address, { token: amount, eth }: { token: bigint; eth: bigint }, to: Address) =>
  encodeFunctionData({ abi: routerAbi, functionName: 'addLiquidityETH', args: [token, amount, amount, eth, to, maxUint256] });
export const deployTestErc20 = (name: string, symbol: string, supply: bigint) =>
  encodeDeployData({ abi: testErc20Abi, bytecode: BYTECODE.testErc20, args: [name, symbol, supply] });

/** Deploys the fixed contract set on a fresh anvil and checks every address the extension hard-codes. */
export async function deployDevnetChain(rpcUrl: string, d: DevnetDeployment): Promise<DevnetPairs> {
  const client = devnetClient(rpcUrl);
  const [chainId, nonce] = await Promise.all([client.getChainId(), client.getTransactionCount({ address: d.deployer })]);
  if (chainId !== d.chainId) throw new Error(`${rpcUrl} is chain ${chainId}, expected ${d.chainId}`);
  if (nonce !== 0) throw new Error(`${rpcUrl} is not a fresh chain: deployer nonce is ${nonce}`);

  const creator = DEVNET_CREATOR_TOKENS[d.chainId];
  const pairs = devnetPairs(d);
  const holding = (h: keyof typeof DEVNET_HOLDERS) => DEVNET_HOLDERS[h].holdings[d.chainId];
  const usdcLiquidity = DEVNET_USDC.wethUsdcLiquidity;
  // One entry per DEVNET_DEPLOY_STEPS label, same order: entry i is sent with nonce i.
  const steps: Omit<DevnetTx, 'label'>[] = [
    { data: BYTECODE.weth9 },
    { data: encodeDeployData({ abi: factoryAbi, bytecode: BYTECODE.factory, args: [d.deployer] }) },
    { data: encodeDeployData({ abi: routerAbi, bytecode: BYTECODE.router02, args: [d.factory, d.weth] }) },
    { data: await loadMulticall3Bytecode() },
    { data: deployTestErc20(DEVNET_USDC.name, DEVNET_USDC.symbol, DEVNET_USDC.supply) },
    { data: deployTestErc20(creator.name, creator.symbol, creator.supply) },
    { to: d.usdc, data: approve(d.router, usdcLiquidity.token) },
    { to: d.router, data: addLiquidityEth(d.usdc, usdcLiquidity, d.deployer), value: usdcLiquidity.eth },
    { to: d.creatorToken, data: approve(d.router, creator.wethLiquidity.token) },
    { to: d.router, data: addLiquidityEth(d.creatorToken, creator.wethLiquidity, d.deployer), value: creator.wethLiquidity.eth },
    { to: d.creatorToken, data: transfer(DEVNET_HOLDERS.holder1.address, holding('holder1').creatorToken) },
    { to: d.creatorToken, data: transfer(DEVNET_HOLDERS.holder2.address, holding('holder2').creatorToken) },
    { to: d.creatorToken, data: transfer(DEVNET_HOLDERS.holder4.address, holding('holder4').creatorToken) },
    { to: pairs.creatorWeth, data: transfer(DEVNET_HOLDERS.holder1.address, holding('holder1').creatorWethLp) },
  ];
  if (steps.length !== DEVNET_DEPLOY_STEPS.length) throw new Error('deployChain.ts and DEVNET_DEPLOY_STEPS disagree');
  const txs = steps.map((step, i) => ({ ...step, label: DEVNET_DEPLOY_STEPS[i] ?? '' }));

  const receipts = await sendInOrder(client, d.deployer, 0, txs);

  const expected = [d.weth, d.factory, d.router, d.multicall3, d.usdc, d.creatorToken];
  expected.forEach((address, i) => {
    const got = receipts[i]?.contractAddress;
    if (!got || getAddress(got) !== address) {
      throw new Error(`Devnet ${d.chainId}: "${txs[i]?.label}" landed at ${got}, lib/chain/devnet.ts says ${address}`);
    }
  });
  const [creatorWeth, wethUsdc, nextNonce] = await Promise.all([
    client.readContract({ address: d.factory, abi: factoryAbi, functionName: 'getPair', args: [d.creatorToken, d.weth] }),
    client.readContract({ address: d.factory, abi: factoryAbi, functionName: 'getPair', args: [d.weth, d.usdc] }),
    client.getTransactionCount({ address: d.deployer }),
  ]);
  if (creatorWeth !== pairs.creatorWeth || wethUsdc !== pairs.wethUsdc) {
    throw new Error(`Devnet ${d.chainId}: factory pairs ${creatorWeth}, ${wethUsdc} differ from uniswapV2PairAddress()`);
  }
  if (nextNonce !== DEVNET_NEXT_NONCE) throw new Error(`Devnet ${d.chainId}: deployer nonce ${nextNonce}, expected ${DEVNET_NEXT_NONCE}`);
  return pairs;
}
