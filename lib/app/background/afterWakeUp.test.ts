import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

// Each test imports a fresh module: the first answer is once per worker start.
const fresh = () => import('./afterWakeUp');

test('the chores wait for the first answer, then run once, a task later', async () => {
  vi.useFakeTimers();
  const { afterWakeUp, requestAnswered } = await fresh();
  const chores = vi.fn();
  afterWakeUp(chores);
  await vi.advanceTimersByTimeAsync(100);
  expect(chores).not.toHaveBeenCalled();
  requestAnswered();
  expect(chores).not.toHaveBeenCalled(); // the answer leaves first
  await vi.advanceTimersByTimeAsync(0);
  expect(chores).toHaveBeenCalledTimes(1);
  requestAnswered();
  await vi.advanceTimersByTimeAsync(10_000);
  expect(chores).toHaveBeenCalledTimes(1);
});

test('without a request (an alarm woke the worker) the chores run after the delay, once', async () => {
  vi.useFakeTimers();
  const { afterWakeUp, requestAnswered, CHORES_DELAY_MS } = await fresh();
  const chores = vi.fn();
  afterWakeUp(chores);
  await vi.advanceTimersByTimeAsync(CHORES_DELAY_MS - 1);
  expect(chores).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1);
  expect(chores).toHaveBeenCalledTimes(1);
  requestAnswered();
  await vi.advanceTimersByTimeAsync(10_000);
  expect(chores).toHaveBeenCalledTimes(1);
});

test('a request answered before the chores were queued still lets them go', async () => {
  vi.useFakeTimers();
  const { afterWakeUp, requestAnswered } = await fresh();
  requestAnswered();
  const chores = vi.fn();
  afterWakeUp(chores);
  await vi.advanceTimersByTimeAsync(0);
  expect(chores).toHaveBeenCalledTimes(1);
});
