import { Text } from '@mantine/core';
import { fieldLabel, valueText } from './audit-text';

/** The fields an audited change touched, before → after, in words. */
export function AuditChanges({
  changes,
}: {
  changes: readonly { field: string; before?: string | null; after?: string | null }[];
}) {
  if (changes.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <>
      {changes.map((change) => (
        <Text key={change.field} size="xs">
          <b>{fieldLabel(change.field)}</b>: {valueText(change.before)} → {valueText(change.after)}
        </Text>
      ))}
    </>
  );
}
