import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { fromAddress, fromContact, toAddressInput } from '../../components/AddressFields';
import { StatusBadge } from '../../components/StatusBadge';
import type { ResellerQuery } from '../../gql/graphql';
import { RESELLER_CREDIT, SUBMIT_TERMS } from './operations';
import { dateTime, dateOnly } from '../../components/format';

type Reseller = NonNullable<ResellerQuery['reseller']>;

/** R2/R23: the reseller's marketplace credit (limit, used, available, ledger) and its terms requests. */
export function CreditPanel({ reseller }: { reseller: Reseller }) {
  const { can } = useSession();
  const { data, refetch } = useQuery(RESELLER_CREDIT, {
    variables: { resellerId: reseller.id },
    fetchPolicy: 'cache-and-network',
  });
  const [submit, submitting] = useMutation(SUBMIT_TERMS);
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const [asking, setAsking] = useState(false);
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const credit = data?.resellerCredit;
  const requests = data?.termsRequests.nodes ?? [];
  const open = requests.find((r) => ['SUBMITTED', 'IN_REVIEW', 'MORE_INFO_REQUESTED'].includes(r.status));

  const request = async () => {
    setMessage(null);
    setAmountError(null);
    const result = (
      await submit({
        variables: {
          resellerId: reseller.id,
          input: {
            resellerMarketplaceId: reseller.marketplaceId,
            bcn: reseller.bcn,
            companyName: reseller.companyName,
            address: toAddressInput(fromAddress(reseller.address)),
            contact: fromContact(reseller.contact),
            requestedLimit: amount,
            currency: 'USD',
          },
        },
      })
    ).data?.submitTermsRequest;
    if (result?.__typename === 'TermsRequestSaved') {
      setAsking(false);
      setAmount('');
      setMessage({
        color: 'green',
        text: `Terms requested for a credit line of ${result.request.requestedLimit?.formatted ?? amount}. The credit team answers within 24–48 hours.`,
      });
    } else if (result?.__typename === 'ValidationFailed') {
      const onAmount = result.fields.filter((f) => f.field === 'requestedLimit' || f.field === 'currency');
      const elsewhere = result.fields.filter((f) => !onAmount.includes(f));
      if (onAmount.length) setAmountError(onAmount.map((f) => f.message).join(' '));
      // The request copies the reseller's details: a fault there is fixed on the reseller, not in this form.
      if (elsewhere.length)
        setMessage({
          color: 'red',
          text: `Fix the reseller’s details first: ${elsewhere.map((f) => f.message).join(' ')}`,
        });
    } else if (result && 'message' in result) setMessage({ color: 'red', text: result.message });
    await refetch();
  };

  return (
    <Card withBorder aria-label="Marketplace terms">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Marketplace terms</Title>
          {can(PERMISSIONS.termsSubmit) && !open && (
            <Button size="xs" variant="light" onClick={() => (setMessage(null), setAsking(true))}>
              Request terms
            </Button>
          )}
        </Group>
        {message && <Alert color={message.color}>{message.text}</Alert>}
        <Modal opened={asking} onClose={() => setAsking(false)} title="Request marketplace terms">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void request().catch((error: Error) => setAmountError(error.message));
            }}
          >
            <Stack>
              <Text size="sm">
                The credit team reviews the request for {reseller.companyName} (BCN {reseller.bcn}) and answers within
                24–48 hours. Contact: {reseller.contact.name}, {reseller.contact.email}.
              </Text>
              <TextInput
                label="Credit line asked for"
                description="The most the reseller may owe on the marketplace at one time, in US dollars."
                placeholder="25,000"
                inputMode="decimal"
                rightSection={
                  <Text size="xs" c="dimmed">
                    USD
                  </Text>
                }
                value={amount}
                onChange={(e) => setAmount(e.currentTarget.value)}
                error={amountError}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setAsking(false)}>
                  Cancel
                </Button>
                <Button type="submit" loading={submitting.loading}>
                  Send request
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal>
        {credit?.limit ? (
          <Text size="sm" data-testid="credit-standing">
            Credit line {credit.limit.formatted} ({credit.paymentTerms?.replace('_', ' ').toLowerCase()}):{' '}
            {credit.used?.formatted} used, <b>{credit.available?.formatted} available</b>.
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            No credit line: purchases are paid by credit card. Terms are separate from the reseller’s other distributor
            credit.
          </Text>
        )}
        {requests.map((r) => (
          <Group key={r.id} gap="xs">
            <Text size="sm">
              Request of {dateOnly(r.submittedAt)}
              {r.requestedLimit ? ` for ${r.requestedLimit.formatted}` : ''}:
            </Text>
            <StatusBadge value={r.status} />
            {r.decisionReason && <Text size="sm">{r.decisionReason}</Text>}
            {can(PERMISSIONS.termsReview) && (
              <Anchor component={Link} to={`/terms/${r.id}`} size="sm">
                open
              </Anchor>
            )}
          </Group>
        ))}
        {credit && credit.ledger.length > 0 && (
          <Table aria-label="Credit ledger">
            <Table.Tbody>
              {credit.ledger.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Text size="xs">{dateTime(e.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{e.kind.replace('_', ' ').toLowerCase()}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{e.amount.formatted}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{e.note}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
