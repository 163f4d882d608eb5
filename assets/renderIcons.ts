import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// Renders assets/icon.svg to public/icon/{16,32,48,128}.png (WXT puts them in the manifest's
// icons and action.default_icon) with the same Debian Chromium the end-to-end suite drives.
// Run `npx tsx assets/renderIcons.ts` after changing the SVG, and commit the PNGs.
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SIZES = [16, 32, 48, 128] as const;

const svg = readFileSync(join(ROOT, 'assets', 'icon.svg'), 'utf8');
const out = join(ROOT, 'public', 'icon');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${data}" width="${size}" height="${size}" style="display:block">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: join(out, `${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Rendered ${SIZES.join(', ')} px icons to ${out}`);
