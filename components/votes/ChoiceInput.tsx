import type { VoteType } from '@/lib/votes/contract';

/** A choice as Snapshot encodes it: 1-based indices, arrays, or a weight per index. */
export type Choice = number | number[] | Record<string, number> | null;

interface ChoiceInputProps {
  proposalId: string;
  type: VoteType;
  choices: string[];
  value: Choice;
  disabled: boolean;
  onChange(choice: Choice): void;
}

/** The input that fits the proposal's voting type; each option has its own accessible name. */
export function ChoiceInput({ proposalId, type, choices, value, disabled, onChange }: ChoiceInputProps) {
  const name = `choice-${proposalId}`;
  if (type === 'approval') {
    const picked = Array.isArray(value) ? value : [];
    return (
      <fieldset className="choices" disabled={disabled}>
        <legend className="sr-only">Approve any number of choices</legend>
        {choices.map((label, i) => (
          <label key={i} className="choice">
            <input
              type="checkbox"
              name={name}
              checked={picked.includes(i + 1)}
              onChange={(e) => onChange(e.target.checked ? [...picked, i + 1].sort((a, b) => a - b) : picked.filter((p) => p !== i + 1))}
            />
            {label}
          </label>
        ))}
      </fieldset>
    );
  }
  if (type === 'weighted' || type === 'quadratic') {
    const weights: Record<string, number> = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return (
      <fieldset className="choices" disabled={disabled}>
        <legend className="sr-only">Spread your voting power: weights per choice</legend>
        {choices.map((label, i) => (
          <label key={i} className="choice weighted">
            <span>{label}</span>
            <input
              type="number"
              min={0}
              max={1000}
              step={1}
              inputMode="numeric"
              aria-label={`Weight for ${label}`}
              value={weights[i + 1] ?? 0}
              onChange={(e) => {
                const key = String(i + 1);
                const next: Record<string, number> = { ...weights, [key]: Math.max(0, Math.floor(Number(e.target.value) || 0)) };
                if (next[key] === 0) delete next[key];
                onChange(Object.keys(next).length ? next : null);
              }}
            />
          </label>
        ))}
      </fieldset>
    );
  }
  if (type === 'ranked-choice' || type === 'copeland') {
    const order = Array.isArray(value) && value.length === choices.length ? value : choices.map((_, i) => i + 1);
    const move = (from: number, to: number) => {
      const next = [...order];
      const [item] = next.splice(from, 1);
      next.splice(to, 0, item!);
      onChange(next);
    };
    return (
      <ol className="choices ranked" aria-label="Your ranking, first is preferred">
        {order.map((choice, position) => (
          <li key={choice} className="choice">
            <span>{choices[choice - 1]}</span>
            <button
              type="button"
              className="icon-button"
              disabled={disabled || position === 0}
              aria-label={`Move ${choices[choice - 1]} up`}
              onClick={() => move(position, position - 1)}
            >
              ↑
            </button>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <fieldset className="choices" disabled={disabled}>
      <legend className="sr-only">Pick one choice</legend>
      {choices.map((label, i) => (
        <label key={i} className="choice">
          <input type="radio" name={name} checked={value === i + 1} onChange={() => onChange(i + 1)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** "Rust", "Rust, Go", "Rust 2 · Go 1", or the ranking. */
export function describeChoice(type: VoteType, choices: string[], choice: Choice): string {
  const label = (index: number) => choices[index - 1] ?? `#${index}`;
  if (choice === null) return '';
  if (typeof choice === 'number') return label(choice);
  if (Array.isArray(choice)) return choice.map(label).join(type === 'approval' ? ', ' : ' › ');
  return Object.entries(choice)
    .map(([i, w]) => `${label(Number(i))} ${w}`)
    .join(' · ');
}
