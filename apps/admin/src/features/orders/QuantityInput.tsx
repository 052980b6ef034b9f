import { NumberInput } from '@mantine/core';
import { useEffect, useState } from 'react';

/**
 * A cart line's quantity. What is typed is a draft until it is saved (Enter or leaving the field); while it
 * differs from the saved quantity the page shows the line as unsaved and Buy waits, so the totals on
 * screen are always the saved ones. Out-of-range values are refused beside the field, never clamped.
 */
export function QuantityInput(props: {
  label: string;
  saved: number;
  max: number;
  onSave(quantity: number): Promise<void>;
  onDirty(dirty: boolean): void;
}) {
  const { saved, max, onSave, onDirty } = props;
  const [draft, setDraft] = useState<string | number>(saved);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(saved), [saved]);
  const dirty = Number(draft) !== saved;
  useEffect(() => onDirty(dirty || saving), [dirty, saving, onDirty]);

  const save = async () => {
    const quantity = Number(draft);
    if (!Number.isInteger(quantity) || quantity < 1) return setError('Enter a whole number of licences, at least 1.');
    if (quantity > max) return setError(`At most ${max.toLocaleString('en-US')} licences on one line.`);
    setError(null);
    if (quantity === saved) return;
    setSaving(true);
    try {
      await onSave(quantity);
    } finally {
      setSaving(false);
    }
  };

  return (
    <NumberInput
      aria-label={props.label}
      min={1}
      max={max}
      clampBehavior="none"
      allowDecimal={false}
      allowNegative={false}
      value={draft}
      error={error}
      description={dirty ? (saving ? 'Saving…' : 'Not saved: press Enter') : undefined}
      onChange={(value) => {
        setDraft(value);
        setError(null);
      }}
      onBlur={() => void save()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void save();
      }}
    />
  );
}
