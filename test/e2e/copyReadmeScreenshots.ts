import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, SCREENSHOT_DIR } from './harness/browser';

// The README shows screenshots from the real end-to-end run; this copies the chosen ones next
// to it after `npm test` (or `npm run test:e2e`) has written them.
const README_SHOTS = [
  'site-alex',
  'popup-alex',
  'popup-mike-following-both',
  'popup-change-since-last-look',
  'popup-problem-invalid-manifest',
  'popup-stale',
  'popup-votes',
  'popup-vote-recorded',
  'popup-vote-cancelled',
  'popup-tally',
  'popup-income',
  'popup-income-claimed',
  'popup-liquidity',
  'popup-offer-redeemed',
  'popup-claim-all-summary',
  'popup-claim-all-outcome',
  'site-gates-locked',
  'site-gates-link-code',
  'site-gate-refused',
  'site-hostile-sanitized',
  'site-hostile-wallet-choice',
  'site-companion',
  'popup-alerts',
  'popup-alert-settings',
  'side-panel-beside-alex',
  'popup-confirmed-by-ens',
  'popup-lookalike-warning',
  'site-lookalike-warning',
  'popup-import-preview',
  'popup-values-in-eth',
  'home-found-three-chains',
  'home-no-usd-price-in-usd',
];

const target = join(REPO_ROOT, 'test', 'e2e', 'readme');
mkdirSync(target, { recursive: true });
for (const name of README_SHOTS) {
  const source = join(SCREENSHOT_DIR, `${name}.png`);
  if (!existsSync(source)) throw new Error(`${source} is missing: run npm run test:e2e first.`);
  copyFileSync(source, join(target, `${name}.png`));
}
console.log(`Copied ${README_SHOTS.length} screenshots to ${target}`);
