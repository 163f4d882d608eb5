import { startDemoServer } from './server';

// `npx tsx test/demo-server/cli.ts`: the demo creator sites on their own, for poking at them in
// any browser. Ctrl-C stops them.
const server = await startDemoServer();
const { alex, mike, other } = server.origins;
console.log(`Alex Masmej ($ALEX, chain 31337)  ${alex}/   manifest ${alex}/personal-token.json
                                   gates ${alex}/gates (balances from the devnet on 8545)
Mike Merrill ($MIKE, chain 31338)  ${mike}/   manifest ${mike}/personal-token.json
Edge cases                         ${other}/  (/plain, /hostile, /hostile-creator/, /broken-token,
                                   /broken-manifest, /invalid-manifest, /mismatch, /cross-origin-manifest, /oversized)
Ctrl-C to stop.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.stop().then(() => process.exit(0)));
}
