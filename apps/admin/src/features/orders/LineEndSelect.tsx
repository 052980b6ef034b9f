import { useMutation, useQuery } from '@apollo/client/react';
import { Select, Stack, Text } from '@mantine/core';
import { LINE_END_OPTIONS, SET_LINE_END } from './operations';

const day = (iso: string) => iso.slice(0, 10);

/**
 * What a cart line's first term ends with: a full term, the end of a calendar month, or one of the customer's
 * subscriptions (co-terming). Each choice shows its end date and what the line costs at Buy, so the prorated first
 * term is seen before Buy; choices that cannot be taken are shown with why.
 */
export function LineEndSelect(props: {
  resellerId: string;
  line: {
    id: string;
    skuTitle: string;
    endWith: string;
    endWithSubscriptionId?: string | null;
    termEnd?: string | null;
    endDateProblem?: string | null;
  };
  onChanged(refusal: string | null): Promise<unknown>;
}) {
  const { resellerId, line, onChanged } = props;
  const options = useQuery(LINE_END_OPTIONS, {
    variables: { resellerId, lineId: line.id },
    fetchPolicy: 'network-only',
  });
  const [setEnd, setting] = useMutation(SET_LINE_END);
  const valueOf = (kind: string, subscriptionId: string | null | undefined) =>
    kind === 'SUBSCRIPTION' ? `SUBSCRIPTION:${subscriptionId ?? ''}` : kind;
  const data = (options.data?.cartLineEndOptions ?? []).map((o) => ({
    value: valueOf(o.kind, o.subscriptionId),
    label: `${o.label} — ends ${day(o.termEnd)}, ${o.lineTotal.formatted}${o.problem ? ` (${o.problem})` : ''}`,
    disabled: Boolean(o.problem),
  }));
  if (!options.loading && data.length === 0) return null;
  const current = valueOf(line.endWith, line.endWithSubscriptionId);

  const choose = async (value: string | null) => {
    if (!value || value === current) return;
    const [kind, subscriptionId] = value.split(':');
    try {
      const result = (
        await setEnd({
          variables: { resellerId, lineId: line.id, endWith: kind as never, subscriptionId: subscriptionId ?? null },
        })
      ).data?.setCartLineEnd;
      await onChanged(result?.__typename === 'CartRefused' ? result.message : null);
    } catch (error) {
      await onChanged((error as Error).message);
    }
  };

  return (
    <Stack gap={2} mt={4}>
      <Select
        size="xs"
        label="Ends"
        aria-label={`End of the first term of ${line.skuTitle}`}
        data={
          data.some((d) => d.value === current) ? data : [...data, { value: current, label: current, disabled: true }]
        }
        value={current}
        onChange={(value) => void choose(value)}
        disabled={setting.loading || options.loading}
        allowDeselect={false}
        comboboxProps={{ width: 'target', withinPortal: true }}
        miw={320}
      />
      {line.endWith !== 'FULL_TERM' && line.termEnd && !line.endDateProblem && (
        <Text size="xs" c="dimmed">
          First term to {day(line.termEnd)}, charged for the days it covers; it then renews for full terms.
        </Text>
      )}
      {line.endDateProblem && (
        <Text size="xs" c="red.9" role="alert">
          {line.endDateProblem}
        </Text>
      )}
    </Stack>
  );
}
