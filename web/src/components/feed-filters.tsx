import { type FormEvent, useState } from 'react';
import { ACTIONS, type Action } from '../api/event-types';
import type { StreamFilter } from '../api/live-stream';
import { SelectField } from './select-field';
import { TextField } from './text-field';

const ACTION_OPTIONS: readonly (readonly ['' | Action, string])[] = [
  ['', 'Any'],
  ...ACTIONS.map((a) => [a, a] as const),
];

/** The live feed's filters, applied by the server; changing them reloads the feed. */
export function FeedFilters({
  value,
  onApply,
}: {
  readonly value: StreamFilter;
  readonly onApply: (filter: StreamFilter) => void;
}) {
  const [action, setAction] = useState<'' | Action>(value.action ?? '');
  const [category, setCategory] = useState(value.category ?? '');
  const [client, setClient] = useState(value.client ?? '');
  const [site, setSite] = useState(value.site ?? '');
  const [attacks, setAttacks] = useState(value.attacks ?? false);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      ...(action ? { action } : {}),
      ...(category.trim() ? { category: category.trim() } : {}),
      ...(client.trim() ? { client: client.trim() } : {}),
      ...(site.trim() ? { site: site.trim() } : {}),
      ...(attacks ? { attacks } : {}),
    });
  };
  const clear = () => {
    setAction('');
    setCategory('');
    setClient('');
    setSite('');
    setAttacks(false);
    onApply({});
  };

  return (
    <form className="filters" aria-label="Filter the feed" onSubmit={apply}>
      <SelectField label="Action" value={action} onChange={setAction} options={ACTION_OPTIONS} />
      <TextField label="Category" value={category} onChange={setCategory} placeholder="sqli, xss…" />
      <TextField label="Client" value={client} onChange={setClient} placeholder="203.0.113.7" />
      <TextField label="Site" value={site} onChange={setSite} />
      <label className="check">
        <input type="checkbox" checked={attacks} onChange={(e) => setAttacks(e.target.checked)} />
        Attacks only
      </label>
      <div className="filter-actions">
        <button type="submit" className="button-primary">
          Apply
        </button>
        <button type="button" className="button-ghost" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}
