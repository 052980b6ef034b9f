import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = {
  ACTIVE: 'green',
  PENDING_ACTIVATION: 'yellow',
  SUSPENDED: 'red',
  PASS: 'green',
  FAIL: 'red',
  UNKNOWN: 'gray',
  PENDING: 'yellow',
  COMPLETED: 'green',
  RUNNING: 'blue',
  SUCCEEDED: 'green',
  FAILED: 'red',
};

/** A state shown the same way everywhere: words, not codes, with a colour that means the same. */
export function StatusBadge({ value }: { value: string }) {
  return (
    <Badge color={COLORS[value] ?? 'gray'} variant="light">
      {value.replace(/_/g, ' ').toLowerCase()}
    </Badge>
  );
}
