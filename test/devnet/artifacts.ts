import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isHex, parseAbi, type Hex } from 'viem';

// Creation code comes from the artifacts the Uniswap npm packages ship (the real contracts,
// not re-compiled look-alikes). ABIs are written out below instead of taken from the JSON:
// typed ABIs let viem check every argument at compile time.

const require = createRequire(import.meta.url);

function creationCode(artifactPath: string): Hex {
  const { bytecode } = require(artifactPath) as { bytecode: string };
  const hex = bytecode.startsWith('0x') ? bytecode : `0x${bytecode}`;
  if (!isHex(hex) || hex.length < 4) throw new Error(`No creation code in ${artifactPath}`);
  return hex;
}

export const BYTECODE = {
  weth9: creationCode('@uniswap/v2-periphery/build/WETH9.json'),
  factory: creationCode('@uniswap/v2-core/build/UniswapV2Factory.json'),
  router02: creationCode('@uniswap/v2-periphery/build/UniswapV2Router02.json'),
  /** The pair's creation code: its keccak256 is the init code hash pair addresses derive from. */
  pair: creationCode('@uniswap/v2-core/build/UniswapV2Pair.json'),
  testErc20: creationCode('@uniswap/merkle-distributor/build/TestERC20.json'),
} as const;

/**
 * Multicall3's canonical creation code, as viem ships it. viem does not export it from a public
 * entry point, so it is loaded from viem's own module file (whatever viem version is installed).
 */
export async function loadMulticall3Bytecode(): Promise<Hex> {
  const viemRoot = dirname(require.resolve('viem/package.json'));
  const url = pathToFileURL(join(viemRoot, '_esm/constants/contracts.js')).href;
  const mod = (await import(url)) as { multicall3Bytecode?: unknown };
  const code = mod.multicall3Bytecode;
  if (typeof code !== 'string' || !isHex(code)) throw new Error('viem no longer ships multicall3Bytecode');
  return code;
}

export const factoryAbi = parseAbi([
  'constructor(address feeToSetter)',
  'function getPair(address tokenA, address tokenB) view returns (address)',
  'function allPairsLength() view returns (uint256)',
]);

export const routerAbi = parseAbi([
  'constructor(address factory, address weth)',
  'function addLiquidityETH(address token, uint256 amountTokenDesired, uint256 amountTokenMin, uint256 amountETHMin, address to, uint256 deadline) payable returns (uint256 amountToken, uint256 amountETH, uint256 liquidity)',
]);

export const testErc20Abi = parseAbi(['constructor(string name, string symbol, uint256 amountToMint)']);

export const pairAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function getReserves() view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address owner) view returns (uint256)',
]);

/** Uniswap's MerkleDistributor and liquidity-staker's StakingRewards, as their npm packages ship them. */
export const INCOME_BYTECODE = {
  merkleDistributor: creationCode('@uniswap/merkle-distributor/build/MerkleDistributor.json'),
  stakingRewards: creationCode('@uniswap/liquidity-staker/build/StakingRewards.json'),
} as const;

export const merkleDistributorDeployAbi = parseAbi(['constructor(address token_, bytes32 merkleRoot_)']);

export const stakingRewardsAbi = parseAbi([
  'constructor(address rewardsDistribution, address rewardsToken, address stakingToken)',
  'function notifyRewardAmount(uint256 reward)',
  'function stake(uint256 amount)',
  'function getReward()',
  'function withdraw(uint256 amount)',
  'function rewardsDuration() view returns (uint256)',
  'function periodFinish() view returns (uint256)',
  'function rewardRate() view returns (uint256)',
  'function earned(address account) view returns (uint256)',
  'function balanceOf(address account) view returns (uint256)',
  'function totalSupply() view returns (uint256)',
]);
