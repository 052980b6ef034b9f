import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Loading, error and empty states shared by every screen that shows the result of a query. */
export function QueryState(props: {
  loading: boolean;
  error?: { message: string } | null;
  empty: boolean;
  emptyText: string;
  onRetry?: () => void;
  children: ReactNode;
}) {
  if (props.error) {
    return (
      <Alert color="red" title="Could not load" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{props.error.message}</Text>
          {props.onRetry && (
            <Button size="xs" variant="light" color="red" onClick={props.onRetry}>
              Try again
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  if (props.loading && props.empty) {
    return (
      <Center py="xl" aria-busy="true">
        <Loader />
      </Center>
    );
  }
  if (props.empty) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {props.emptyText}
      </Text>
    );
  }
  return <>{props.children}</>;
}

/** How often a work queue (support cases, terms requests) looks for new work while it is on screen. */
export const QUEUE_REFRESH_MS = 30_000;
