import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorsByField } from '../../components/fieldErrors';
import { StatusBadge } from '../../components/StatusBadge';
import type { ResellerQuery } from '../../gql/graphql';
import { RUN_CHECKS, SET_IDENTIFIERS } from './operations';
import { dateTime } from '../../components/format';

type Reseller = NonNullable<ResellerQuery['reseller']>;

/** R9, R10, R25: the MPN location ID and reseller domain, and the four checks with the fix of each failure. */
export function IdentifiersPanel({ reseller, onChanged }: { reseller: Reseller; onChanged: () => Promise<unknown> }) {
  const [mpn, setMpn] = useState(reseller.mpnLocationId ?? '');
  const [domain, setDomain] = useState(reseller.resellerDomain ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [save, saving] = useMutation(SET_IDENTIFIERS);
  const [rerun, rerunning] = useMutation(RUN_CHECKS);
  // The checks are Microsoft's answers for the saved identifiers: beside an edit or a refusal they would mislead.
  const edited = mpn.trim() !== (reseller.mpnLocationId ?? '') || domain.trim() !== (reseller.resellerDomain ?? '');
  const checksApply = !edited && Object.keys(errors).length === 0 && !formError;

  const clearRefusal = () => {
    setErrors({});
    setFormError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    try {
      const result = (
        await save({ variables: { resellerId: reseller.id, mpnLocationId: mpn, resellerDomain: domain } })
      ).data?.setResellerIdentifiers;
      if (result?.__typename === 'ValidationFailed') setErrors(errorsByField(result.fields));
      else if (result && 'message' in result) setFormError(result.message);
      else await onChanged();
    } catch (failure) {
      setFormError((failure as Error).message);
    }
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>CSP identifiers</Title>
        <Text size="sm" c="dimmed">
          Microsoft requires both for every NCE purchase; they are remembered once entered. Use the location MPN ID, not
          the global one.
        </Text>
        {formError && <Alert color="red">{formError}</Alert>}
        <Group align="flex-start" component="form" onSubmit={submit}>
          <TextInput
            label="MPN location ID"
            value={mpn}
            onChange={(e) => (setMpn(e.currentTarget.value), clearRefusal())}
            error={errors.mpnLocationId}
            w={200}
          />
          <TextInput
            label="Indirect reseller domain"
            placeholder="yourcompany.onmicrosoft.com"
            value={domain}
            onChange={(e) => (setDomain(e.currentTarget.value), clearRefusal())}
            error={errors.resellerDomain}
            w={300}
          />
          <Button type="submit" mt={25} loading={saving.loading}>
            Save and check
          </Button>
        </Group>
        {reseller.checks.length > 0 && !checksApply && (
          <Text size="sm" c="dimmed" data-testid="checks-pending">
            Save these identifiers to check them with Microsoft; the last results were for the saved ones.
          </Text>
        )}
        {reseller.checks.length > 0 && checksApply && (
          <>
            <Table aria-label="Pre-purchase checks">
              <Table.Tbody>
                {reseller.checks.map((check) => (
                  <Table.Tr key={check.code}>
                    <Table.Td w={90}>
                      <StatusBadge value={check.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {check.label}
                      </Text>
                      {check.reason && (
                        <Text size="sm" c="dimmed">
                          {check.reason}
                        </Text>
                      )}
                      {check.fix?.href ? (
                        <Anchor href={check.fix.href} target="_blank" rel="noreferrer" size="sm">
                          {check.fix.label}
                        </Anchor>
                      ) : (
                        check.fix && <Text size="sm">Fix: {check.fix.label}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                Checked {reseller.checksAt ? dateTime(reseller.checksAt) : 'never'}
              </Text>
              <Button
                variant="light"
                size="xs"
                loading={rerunning.loading}
                onClick={() =>
                  void rerun({ variables: { resellerId: reseller.id } }).then(onChanged, (failure: Error) =>
                    setFormError(failure.message),
                  )
                }
              >
                Check again
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
