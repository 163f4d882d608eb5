// npm run validate-manifest -- <file-or-url>
// Checks a manifest file, a manifest URL, or a creator page URL (its declaration, then the
// manifest it links). Exit code 0 when everything is valid, 1 otherwise.
import devnet from '../../detect/lists/devnet.tokenlist.json';
import release from '../../detect/lists/release.tokenlist.json';
import { parseTokenList } from '../../detect/core/tokenListSchema';
import { validateTarget } from './validateTarget';

async function main(args: string[]): Promise<number> {
  const target = args.find((a) => a !== '--');
  if (!target || target === '--help' || target === '-h') {
    console.log('usage: npm run validate-manifest -- <manifest.json | https://your.site/personal-token.json | https://your.site/page>');
    return target ? 0 : 1;
  }
  const [r, d] = [parseTokenList(release), parseTokenList(devnet)];
  const lists = r.ok && d.ok ? { release: r.list, devnet: d.list } : undefined;
  const report = await validateTarget(target, { lists });
  for (const line of report.lines) console.log(line);
  return report.ok ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
