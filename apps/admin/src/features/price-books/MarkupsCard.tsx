import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorsByField } from '../../components/fieldErrors';
import { CUSTOMERS } from '../customers/operations';
import { RESELLER_MARKUPS, SET_RESELLER_MARKUP } from './operations';

const EVERY = '';

/**
 * A reseller's own markups for its end customers: suggested customer prices shown beside its prices when it buys.
 * Suggestions only: nothing the reseller pays changes, and no other reseller sees them.
 */
export function MarkupsCard({ resellerId, manage }: { resellerId: string; manage: boolean }) {
  const markups = useQuery(RESELLER_MARKUPS, { variables: { resellerId }, fetchPolicy: 'cache-and-network' });
  const customers = useQuery(CUSTOMERS, { variables: { resellerId, first: 100 } });
  const [save, saving] = useMutation(SET_RESELLER_MARKUP);
  const [customerId, setCustomerId] = useState(EVERY);
  const [family, setFamily] = useState('');
  const [percent, setPercent] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<string | null>(null);
  const nameOf = (id: string | null) =>
    id ? (customers.data?.customers.nodes.find((c) => c.id === id)?.companyName ?? 'A customer') : 'Every customer';

  const submit = async (input: { customerId: string | null; family: string | null; percent: number | null }) => {
    setErrors({});
    setOutcome(null);
    const result = (await save({ variables: { resellerId, input } })).data?.setResellerMarkup;
    if (result?.__typename === 'CustomerMarkupSaved') {
      setOutcome(result.markup ? `Markup of ${result.markup.percent} % saved.` : 'Markup removed.');
      setPercent('');
      await markups.refetch();
    } else if (result?.__typename === 'ValidationFailed') setErrors(errorsByField(result.fields));
    else if (result && 'message' in result) setOutcome(result.message);
  };

  const rows = markups.data?.resellerMarkups ?? [];
  return (
    <Card withBorder component="section" aria-labelledby={`markups-${resellerId}`}>
      <Stack gap="xs">
        <Title order={4} id={`markups-${resellerId}`}>
          Prices to your customers
        </Title>
        <Text size="sm" c="dimmed">
          Your markup over what you pay, for every customer, a product family, or one customer: the catalog suggests a
          customer price and shows your margin. The most specific markup wins.
        </Text>
        {rows.length === 0 ? (
          <Text size="sm">No markups: suggested prices are what you pay.</Text>
        ) : (
          <Table aria-label="Markups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Customer</Table.Th>
                <Table.Th>Product family</Table.Th>
                <Table.Th>Markup</Table.Th>
                {manage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={`${m.customerId ?? '*'}|${m.family ?? '*'}`}>
                  <Table.Td>{nameOf(m.customerId ?? null)}</Table.Td>
                  <Table.Td>{m.family ?? 'Every family'}</Table.Td>
                  <Table.Td>{m.percent} %</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          void submit({ customerId: m.customerId ?? null, family: m.family ?? null, percent: null })
                        }
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {manage && (
          <Group align="flex-end">
            <Select
              label="Customer"
              data={[
                { value: EVERY, label: 'Every customer' },
                ...(customers.data?.customers.nodes ?? []).map((c) => ({ value: c.id, label: c.companyName })),
              ]}
              value={customerId}
              onChange={(value) => setCustomerId(value ?? EVERY)}
              allowDeselect={false}
              error={errors.customerId}
              w={220}
            />
            <TextInput
              label="Product family"
              placeholder="Every family"
              value={family}
              onChange={(e) => setFamily(e.currentTarget.value)}
              error={errors.family}
              w={180}
            />
            <NumberInput
              label="Markup (%)"
              min={0}
              max={1000}
              decimalScale={2}
              value={percent}
              onChange={setPercent}
              error={errors.percent}
              w={120}
            />
            <Button
              loading={saving.loading}
              disabled={percent === ''}
              onClick={() =>
                void submit({ customerId: customerId || null, family: family.trim() || null, percent: Number(percent) })
              }
            >
              Save markup
            </Button>
          </Group>
        )}
        {outcome && (
          <Alert color="blue" role="status">
            {outcome}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
