import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { SEGMENT_LABELS, TERM_LABELS } from '@nce/domain';
import { useState } from 'react';
import { errorsByField } from '../../components/fieldErrors';
import type { PreviewPriceRuleQuery, PriceSegment, Term } from '../../gql/graphql';
import { ADD_PRICE_RULE, PREVIEW_PRICE_RULE } from './operations';

type Preview = Extract<PreviewPriceRuleQuery['previewPriceRule'], { __typename: 'PriceRulePreviewResult' }>;

const todayUtc = () => new Date().toISOString().slice(0, 10);

const empty = () => ({
  family: '',
  productId: '',
  skuId: '',
  term: '',
  segment: '',
  basis: 'COST',
  kind: 'PERCENT',
  percent: '' as number | string,
  amount: '',
  currency: 'USD',
  effectiveFrom: todayUtc(),
  effectiveTo: '',
});

/**
 * A new rule for a book, previewed before it is added: the offers it moves on its first day, the prices and margins
 * before and after, and the resellers on the book. Adding takes the rule exactly as previewed.
 */
export function PriceRuleForm(props: { bookId: string; bookName: string; onAdded: (label: string) => Promise<void> }) {
  const client = useApolloClient();
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ preview: Preview; of: string } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [add, adding] = useMutation(ADD_PRICE_RULE);
  const set = (field: keyof ReturnType<typeof empty>) => (value: string | number | null) =>
    setForm((f) => ({ ...f, [field]: value ?? '' }));

  const input = () => ({
    family: form.family || null,
    productId: form.productId || null,
    skuId: form.skuId || null,
    term: (form.term || null) as Term | null,
    segment: (form.segment || null) as PriceSegment | null,
    basis: form.basis as 'COST' | 'RETAIL',
    percent: form.kind === 'PERCENT' && form.percent !== '' ? Number(form.percent) : null,
    amount: form.kind === 'FIXED' ? form.amount || null : null,
    currency: form.kind === 'FIXED' ? form.currency : null,
    effectiveFrom: form.effectiveFrom,
    effectiveTo: form.effectiveTo || null,
  });
  // The preview shown is for exactly this input; any edit asks for a new one before Add.
  const current = JSON.stringify(input());
  const previewed = preview?.of === current ? preview.preview : null;

  const refused = (result: { __typename: string; message?: string; fields?: { field: string; message: string }[] }) => {
    if (result.__typename === 'ValidationFailed') setErrors(errorsByField(result.fields));
    setFailure(result.message ?? 'Refused.');
  };

  const runPreview = async () => {
    setErrors({});
    setFailure(null);
    setPreviewing(true);
    try {
      const result = (
        await client.query({
          query: PREVIEW_PRICE_RULE,
          variables: { bookId: props.bookId, input: input() },
          fetchPolicy: 'network-only',
        })
      ).data?.previewPriceRule;
      if (result?.__typename === 'PriceRulePreviewResult') setPreview({ preview: result, of: current });
      else if (result) refused(result as never);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setPreviewing(false);
    }
  };

  const submit = async () => {
    setFailure(null);
    const result = (await add({ variables: { bookId: props.bookId, input: input() } })).data?.addPriceRule;
    if (result?.__typename === 'PriceRuleSaved' && result.rule) {
      setForm(empty());
      setPreview(null);
      await props.onAdded(result.rule.label);
    } else if (result) refused(result as never);
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="new-rule-title">
      <Title order={3} size="h5" id="new-rule-title">
        Add a rule to {props.bookName}
      </Title>
      <Text size="xs" c="dimmed">
        Leave the scope blank for every offer. A product family is the first two words of product titles (e.g.
        &quot;Microsoft 365&quot;).
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label="Product family"
          value={form.family}
          onChange={(e) => set('family')(e.currentTarget.value)}
          error={errors.family}
        />
        <TextInput
          label="Product ID"
          value={form.productId}
          onChange={(e) => set('productId')(e.currentTarget.value)}
          error={errors.productId}
        />
        <TextInput
          label="SKU ID"
          value={form.skuId}
          onChange={(e) => set('skuId')(e.currentTarget.value)}
          error={errors.skuId}
        />
        <Select
          label="Term"
          placeholder="Any term"
          clearable
          data={(['P1M', 'P1Y', 'P3Y', 'NONE'] as Term[]).map((t) => ({ value: t, label: TERM_LABELS[t] }))}
          value={form.term || null}
          onChange={set('term')}
        />
        <Select
          label="Segment"
          placeholder="Any segment"
          clearable
          data={(['COMMERCIAL', 'EDUCATION', 'NONPROFIT'] as PriceSegment[]).map((s) => ({
            value: s,
            label: SEGMENT_LABELS[s],
          }))}
          value={form.segment || null}
          onChange={set('segment')}
        />
      </SimpleGrid>
      <Group align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Starts from
          </Text>
          <SegmentedControl
            aria-label="Starts from"
            value={form.basis}
            onChange={set('basis')}
            data={[
              { value: 'COST', label: 'Cost (partner price)' },
              { value: 'RETAIL', label: 'Retail (ERP)' },
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Adjustment
          </Text>
          <SegmentedControl
            aria-label="Adjustment"
            value={form.kind}
            onChange={set('kind')}
            data={[
              { value: 'PERCENT', label: 'Percent' },
              { value: 'FIXED', label: 'Fixed amount' },
            ]}
          />
        </Stack>
        {form.kind === 'PERCENT' ? (
          <NumberInput
            label="Percent (− for a discount)"
            decimalScale={2}
            value={form.percent}
            onChange={set('percent')}
            error={errors.percent}
            w={200}
          />
        ) : (
          <>
            <TextInput
              label="Amount (− for a discount)"
              placeholder="-2.50"
              value={form.amount}
              onChange={(e) => set('amount')(e.currentTarget.value)}
              error={errors.amount ?? errors.percent}
              w={200}
            />
            <TextInput
              label="Currency"
              value={form.currency}
              onChange={(e) => set('currency')(e.currentTarget.value)}
              error={errors.currency}
              w={100}
            />
          </>
        )}
        <TextInput
          label="First day"
          placeholder="YYYY-MM-DD"
          value={form.effectiveFrom}
          onChange={(e) => set('effectiveFrom')(e.currentTarget.value)}
          error={errors.effectiveFrom}
          w={140}
        />
        <TextInput
          label="Last day"
          placeholder="open-ended"
          value={form.effectiveTo}
          onChange={(e) => set('effectiveTo')(e.currentTarget.value)}
          error={errors.effectiveTo}
          w={140}
        />
      </Group>
      <Group>
        <Button variant="light" onClick={() => void runPreview()} loading={previewing}>
          Preview
        </Button>
        <Button onClick={() => void submit()} loading={adding.loading} disabled={!previewed}>
          Add rule
        </Button>
        {!previewed && (
          <Text size="xs" c="dimmed">
            Preview the rule to add it.
          </Text>
        )}
      </Group>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {previewed && <PreviewPanel preview={previewed} />}
    </Stack>
  );
}

function PreviewPanel({ preview }: { preview: Preview }) {
  return (
    <Alert color="blue" title={`On ${preview.day}`} aria-label="Preview">
      <Stack gap="xs">
        <Text size="sm" data-testid="preview-summary">
          {preview.moved} of {preview.inScope} offer(s) in its reach change price for the {preview.resellerCount}{' '}
          reseller(s) on this book
          {preview.resellerNames.length > 0 && ` (${preview.resellerNames.join(', ')})`}.
        </Text>
        {preview.totals.length > 0 && (
          <Table aria-label="Margin before and after">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Currency</Table.Th>
                <Table.Th>Cost</Table.Th>
                <Table.Th>Before</Table.Th>
                <Table.Th>After</Table.Th>
                <Table.Th>Margin</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.totals.map((t) => (
                <Table.Tr key={t.currency}>
                  <Table.Td>{t.currency}</Table.Td>
                  <Table.Td>{t.cost.formatted}</Table.Td>
                  <Table.Td>{t.before.formatted}</Table.Td>
                  <Table.Td>{t.after.formatted}</Table.Td>
                  <Table.Td>
                    {t.marginBeforePercent} % → {t.marginAfterPercent} %
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {preview.examples.length > 0 && (
          <Text size="xs" c="dimmed">
            For example:{' '}
            {preview.examples
              .slice(0, 5)
              .map((e) => `${e.productId} SKU ${e.skuId} ${e.term}: ${e.before.formatted} → ${e.after.formatted}`)
              .join('; ')}
            . Totals are one seat of each offer moved.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
