import type { VoteChoice } from '@/lib/votes/core/choices';
import type { VoteType } from '@/lib/votes/core/voteTypes';

/** "Rust", "Rust, Go", "Rust › Go", "Rust 2 · Go 1": what the receipt says was chosen. */
export function describeChoice(type: VoteType, choices: string[], choice: VoteChoice): string {
  const label = (index: number) => choices[index - 1] ?? `#${index}`;
  if (typeof choice === 'number') return label(choice);
  if (Array.isArray(choice)) return choice.map(label).join(type === 'approval' ? ', ' : ' › ');
  return Object.entries(choice)
    .map(([i, w]) => `${label(Number(i))} ${w}`)
    .join(' · ');
}
