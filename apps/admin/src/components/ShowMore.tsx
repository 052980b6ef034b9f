import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { countOf } from './format';

/** "Show more" under a list paged by cursor: how many are shown, and the button while there are more. */
export function ShowMore(props: {
  shown: number;
  noun: string;
  nounPlural?: string;
  detail?: string;
  hasMore: boolean;
  loadMore: () => Promise<unknown>;
}) {
  const [loading, setLoading] = useState(false);
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {countOf(props.shown, props.noun, props.nounPlural)} shown{props.detail ? ` · ${props.detail}` : ''}
      </Text>
      {props.hasMore && (
        <Button
          variant="light"
          loading={loading}
          onClick={() => {
            setLoading(true);
            void props.loadMore().finally(() => setLoading(false));
          }}
        >
          Show more
        </Button>
      )}
    </Group>
  );
}
