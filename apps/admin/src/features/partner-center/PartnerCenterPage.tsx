import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { dateTime } from '../../components/format';
import { QueryState } from '../../components/QueryState';
import { PARTNER_CENTER_CONNECTION, TEST_PARTNER_CENTER_CONNECTION } from './operations';

/** Which Microsoft Partner Center the marketplace talks to, and a call to it that changes nothing. */
export function PartnerCenterPage() {
  const { data, loading, error, refetch } = useQuery(PARTNER_CENTER_CONNECTION);
  const [test, tested] = useMutation(TEST_PARTNER_CENTER_CONNECTION);
  const connection = data?.partnerCenterConnection;
  const result = tested.data?.testPartnerCenterConnection;
  const live = connection?.mode === 'LIVE';

  return (
    <Stack>
      <Title order={1} size="h2">
        Partner Center
      </Title>
      <QueryState
        loading={loading}
        error={error}
        empty={!connection}
        emptyText="No answer about the connection."
        onRetry={() => void refetch()}
      >
        {connection && (
          <Card withBorder component="section" aria-label="Connection">
            <Stack gap="sm">
              <Group>
                <Text fw={600}>In use:</Text>
                <Badge color={live ? 'blue' : 'gray'}>{live ? 'Microsoft Partner Center' : 'Built-in simulator'}</Badge>
              </Group>
              {live ? (
                <Table variant="vertical" withTableBorder maw={640}>
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th>Address</Table.Th>
                      <Table.Td>{connection.baseUrl}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>Partner tenant</Table.Th>
                      <Table.Td>{connection.tenant}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>Application ID</Table.Th>
                      <Table.Td>{connection.appId}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>Refresh token last rotated</Table.Th>
                      <Table.Td>
                        {connection.tokenRotatedAt ? dateTime(connection.tokenRotatedAt) : 'Not yet used'}
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              ) : (
                <Text size="sm">
                  Every call to Microsoft is answered by the simulator, which staff can change on the{' '}
                  <Anchor component={Link} to="/simulator">
                    Simulator
                  </Anchor>{' '}
                  page. A deployment switches to Microsoft with <code>PARTNER_CENTER=live</code> and its settings (see
                  the README).
                </Text>
              )}
              <Group>
                <Button onClick={() => void test().then(() => refetch())} loading={tested.loading}>
                  Test the connection
                </Button>
                <Text size="sm" c="dimmed">
                  Signs in and reads the distributor&apos;s own partner profile; nothing is changed.
                </Text>
              </Group>
              {tested.error && (
                <Alert color="red" title="The test could not run">
                  {tested.error.message}
                </Alert>
              )}
              {result && (
                <Alert
                  color={result.ok ? 'green' : 'red'}
                  title={result.ok ? 'Connected' : 'Not connected'}
                  role="status"
                >
                  {result.message} ({result.milliseconds} ms)
                </Alert>
              )}
            </Stack>
          </Card>
        )}
      </QueryState>
    </Stack>
  );
}
