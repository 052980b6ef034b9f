import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { notifyDone } from '../../components/feedback';
import type { DriftKind } from '../../gql/graphql';
import { PLANT_SIMULATOR_DRIFT } from './operations';

const CHANGES: { kind: DriftKind; label: string }[] = [
  { kind: 'QUANTITY', label: 'Add a seat there' },
  { kind: 'AUTO_RENEW', label: 'Turn auto-renew there' },
  { kind: 'TERM_END', label: 'Move its term end there' },
  { kind: 'MISSING', label: 'Delete it there' },
];

/** The simulator only: change this subscription in "Partner Center" directly, for the drift check to find. */
export function SimulatorDriftCard({ partnerSubscriptionId }: { partnerSubscriptionId: string }) {
  const [plant, planting] = useMutation(PLANT_SIMULATOR_DRIFT);
  const [failure, setFailure] = useState<string | null>(null);
  const change = async (kind: DriftKind, label: string) => {
    const result = (await plant({ variables: { subscriptionId: partnerSubscriptionId, kind } })).data
      ?.plantSimulatorDrift;
    if (result?.__typename === 'DriftPlanted') {
      setFailure(null);
      notifyDone(`Simulated in Partner Center: ${label.toLowerCase()}. Run the Partner Center check to see it.`);
    } else if (result && 'message' in result) setFailure(result.message);
  };
  return (
    <Card withBorder component="section" aria-labelledby="simulator-drift">
      <Stack gap="xs">
        <Title order={4} id="simulator-drift">
          Simulator: change it in Partner Center
        </Title>
        <Text size="sm" c="dimmed">
          As if someone changed subscription {partnerSubscriptionId} in Partner Center directly; ours stays as it is.
        </Text>
        <Group gap="xs">
          {CHANGES.map(({ kind, label }) => (
            <Button
              key={kind}
              size="xs"
              variant="light"
              loading={planting.loading}
              onClick={() => void change(kind, label)}
            >
              {label}
            </Button>
          ))}
        </Group>
        {failure && (
          <Text size="sm" c="red" role="alert">
            {failure}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
