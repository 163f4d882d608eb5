import { expect, test } from 'vitest';
import { isShielded, proposalPageUrl } from './shielded';

test('shutter proposals are shielded; public ones say "" or "none"', () => {
  expect(isShielded('shutter')).toBe(true);
  expect(isShielded('Shutter')).toBe(true);
  for (const publicVote of ['', 'none', null, undefined]) expect(isShielded(publicVote)).toBe(false);
});

test('the link: Snapshot’s own page for the real hub, the hub itself otherwise', () => {
  expect(proposalPageUrl('https://hub.snapshot.org', 'alex.eth', '0xabc')).toBe('https://snapshot.org/#/alex.eth/proposal/0xabc');
  expect(proposalPageUrl('https://hub.snapshot.org/', 'alex.eth', '0xabc')).toBe('https://snapshot.org/#/alex.eth/proposal/0xabc');
  expect(proposalPageUrl('http://localhost:4101/hub', 'alex.eth', '0xabc')).toBe('http://localhost:4101/hub');
  expect(proposalPageUrl('https://hub.example/', 'alex.eth', '0xabc')).toBe('https://hub.example/');
  expect(proposalPageUrl('javascript:alert(1)', 'alex.eth', '0xabc')).toBeNull();
  expect(proposalPageUrl('not a url', 'alex.eth', '0xabc')).toBeNull();
});
