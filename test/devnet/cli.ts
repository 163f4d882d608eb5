import { formatUnits } from 'viem';
import { DEVNET_C } from '../../lib/chain/devnet';
import { DEVNET_C_COINS, DEVNET_C_HOLDINGS, DEVNET_C_POOLS } from './baseStandIn';
import { DEVNET_CREATOR_TOKENS, DEVNET_HOLDERS, DEVNET_INCOME, startDevnet } from './devnet';

// `npm run devnet [-- --verbose]`: both chains on the ports the extension's devnet build expects.
// Runs until Ctrl-C; anvil goes down with it (see anvil.ts).

const verbose = process.argv.includes('--verbose');
const started = performance.now();
const devnet = await startDevnet({ silent: !verbose });
const ms = Math.round(performance.now() - started);

const lines: string[] = [`Devnet ready in ${ms} ms (Ctrl-C to stop)`, ''];
for (const chain of devnet.chains) {
  const d = chain.deployment;
  const token = DEVNET_CREATOR_TOKENS[d.chainId];
  lines.push(
    `Chain ${d.chainId}  ${chain.rpcUrl}`,
    `  deployer        ${d.deployer}`,
    `  WETH9           ${d.weth}`,
    `  V2 factory      ${d.factory}`,
    `  V2 router02     ${d.router}`,
    `  Multicall3      ${d.multicall3}`,
    `  USDC            ${d.usdc}`,
    `  ${token.symbol.padEnd(15)} ${d.creatorToken}  (${token.name})`,
    `  ${`${token.symbol}/WETH`.padEnd(15)} ${chain.pairs.creatorWeth}`,
    `  WETH/USDC       ${chain.pairs.wethUsdc}`,
    '',
  );
}
const c = DEVNET_C;
lines.push(
  `Chain ${c.chainId} (Base stand-in)  ${devnet.baseStandIn.rpcUrl}`,
  `  WETH9           ${c.weth}`,
  `  V2 factory      ${c.factory}  (WETH/USDC only)`,
  `  V3 factory      ${c.v3Factory}`,
  `  V4 PoolManager  ${c.poolManager}`,
  `  V4 StateView    ${c.stateView}`,
  `  Multicall3      ${c.multicall3}`,
  `  USDC            ${c.usdc}`,
  ...(Object.keys(DEVNET_C_COINS) as (keyof typeof DEVNET_C_COINS)[]).map(
    (k) =>
      `  ${DEVNET_C_COINS[k].symbol.padEnd(15)} ${c[k]}  (${DEVNET_C_COINS[k].name}; holder1 has ${formatUnits(DEVNET_C_HOLDINGS[k], 18)})`,
  ),
  ...DEVNET_C_POOLS.map(
    (p) =>
      `  pool ${p.protocol} ${DEVNET_C_COINS[p.base].symbol}/${p.quote === 'weth' ? 'WETH' : DEVNET_C_COINS[p.quote].symbol}: ${formatUnits(p.baseAmount, 18)} + ${formatUnits(p.quoteAmount, 18)}`,
  ),
  '',
);
const { partnerToken, rounds, staking, snapshotProgram } = DEVNET_INCOME;
lines.push(
  'Chain 31337 income (test/devnet/incomePlan.ts)',
  `  PRTNR           ${partnerToken.address}`,
  ...Object.values(rounds).map((r) => `  ${r.id.padEnd(15)} ${r.distributor}  (${r.title})`),
  `  StakingRewards  ${staking.address}  (${formatUnits(staking.reward, 18)} ALEX notified)`,
  `  Snapshot        blocks ${snapshotProgram.startBlock} → ${snapshotProgram.endBlock}, ${formatUnits(snapshotProgram.amount, 18)} ALEX`,
  '',
);
lines.push('Holders (anvil accounts 1-4, 10,000 ETH each)');
for (const [name, h] of Object.entries(DEVNET_HOLDERS)) {
  const held = devnet.chains.map((c) => {
    const { creatorToken, creatorWethLp } = h.holdings[c.deployment.chainId];
    const symbol = DEVNET_CREATOR_TOKENS[c.deployment.chainId].symbol;
    return `${formatUnits(creatorToken, 18)} ${symbol}, ${formatUnits(creatorWethLp, 18)} ${symbol}/WETH LP`;
  });
  lines.push(`  ${name}  ${h.address}  ${held.join(' | ')}`);
}
console.log(lines.join('\n'));

const shutdown = () => {
  devnet.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
// Keep the event loop alive: the anvil children are the only other handles.
setInterval(() => {}, 1 << 30);
