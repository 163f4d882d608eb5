import { expect, test } from 'vitest';
import { caretRangeAccepts } from './serviceWorkerBundle';

test('a caret range accepts the versions npm would, and nothing it cannot read', () => {
  expect(caretRangeAccepts('^3.6.2 || ^4.4.2', '3.6.2')).toBe(true);
  expect(caretRangeAccepts('^3.6.2 || ^4.4.2', '4.8.0')).toBe(true);
  expect(caretRangeAccepts('^3.6.2 || ^4.4.2', '3.6.1')).toBe(false);
  expect(caretRangeAccepts('^3.6.2 || ^4.4.2', '4.4.1')).toBe(false);
  expect(caretRangeAccepts('^3.6.2', '3.7.0')).toBe(true);
  expect(caretRangeAccepts('^0.2.3', '0.2.9')).toBe(true);
  expect(caretRangeAccepts('^0.2.3', '0.3.0')).toBe(false);
  // Other range forms are not read: never remapped.
  expect(caretRangeAccepts('>=3 <5', '3.6.2')).toBe(false);
  expect(caretRangeAccepts('3.6.2', '3.6.2')).toBe(false);
});
