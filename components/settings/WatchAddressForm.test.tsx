import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { WatchAddressForm } from './WatchAddressForm';

test('the watch form points to Connect for signing, and promises nothing "later"', () => {
  const html = renderToStaticMarkup(<WatchAddressForm current={null} />);
  expect(html).toContain('To claim, vote or unlock, use Connect instead.');
  expect(html).not.toMatch(/comes later/i);
});
