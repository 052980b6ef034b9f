import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { confirmAction } from '../../components/feedback';
import { errorsByField } from '../../components/fieldErrors';
import { QueryState } from '../../components/QueryState';
import { CREATE_PRICE_BOOK, END_PRICE_RULE, PRICE_BOOKS } from './operations';
import { PriceRuleForm } from './PriceRuleForm';

const STATE_LABELS = { SCHEDULED: 'Scheduled', IN_EFFECT: 'In effect', ENDED: 'Ended' } as const;
const STATE_COLORS = { SCHEDULED: 'blue', IN_EFFECT: 'green', ENDED: 'gray' } as const;

/** What a rule reaches, in words: "Microsoft 365 · P1Y" or "Every offer". */
function scopeText(r: {
  family?: string | null;
  productId?: string | null;
  skuId?: string | null;
  term?: string | null;
  segment?: string | null;
}): string {
  const parts = [
    r.family,
    r.productId && (r.skuId ? `${r.productId} SKU ${r.skuId}` : r.productId),
    r.term,
    r.segment && r.segment.charAt(0) + r.segment.slice(1).toLowerCase(),
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Every offer';
}

/**
 * Price books: what resellers pay over Microsoft's price list. The master book prices every reseller without a book
 * of its own; a reseller is put on a book from its page. Rules are never edited: a change is a new rule from today
 * or later, previewed before it is added, and an old one is ended.
 */
export function PriceBooksPage() {
  const books = useQuery(PRICE_BOOKS, { fetchPolicy: 'cache-and-network' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [create, creating] = useMutation(CREATE_PRICE_BOOK);
  const [end] = useMutation(END_PRICE_RULE);
  const list = books.data?.priceBooks ?? [];
  const book = list.find((b) => b.id === chosen) ?? list[0];

  const createBook = async () => {
    setOutcome(null);
    setNameError(undefined);
    const result = (await create({ variables: { name } })).data?.createPriceBook;
    if (result?.__typename === 'PriceBookSaved') {
      setName('');
      await books.refetch();
      setChosen(result.book.id);
      setOutcome({ ok: true, text: `Price book ${result.book.name} added. Add its rules, then put resellers on it.` });
    } else if (result?.__typename === 'ValidationFailed') setNameError(errorsByField(result.fields).name);
    else if (result && 'message' in result) setOutcome({ ok: false, text: result.message });
  };

  const endRule = async (rule: { id: string; label: string; state: string }) => {
    const scheduled = rule.state === 'SCHEDULED';
    const yes = await confirmAction({
      title: `End “${rule.label}”?`,
      effect: scheduled
        ? 'It has not started: it is removed and prices nothing.'
        : 'Carts price without it from tomorrow. Terms already running keep the price they began with; renewals from tomorrow take the book’s other rules.',
      confirm: scheduled ? 'Remove rule' : 'End rule',
    });
    if (!yes) return;
    const result = (await end({ variables: { id: rule.id } })).data?.endPriceRule;
    setOutcome(
      result?.__typename === 'PriceRuleSaved'
        ? { ok: true, text: result.rule ? `Rule ends ${result.rule.effectiveTo}.` : 'Rule removed.' }
        : { ok: false, text: result && 'message' in result ? result.message : 'Refused.' },
    );
    await books.refetch();
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        Price books
      </Title>
      <Text size="sm" c="dimmed">
        A book prices resellers over Microsoft&apos;s partner price (cost-plus) or its estimated retail price
        (retail-minus). The most specific rule of a book wins; a customer&apos;s book overrides its reseller&apos;s, and
        a reseller without a book pays by the master book. Nobody pays less than the floor over cost.
      </Text>
      {outcome && (
        <Alert
          color={outcome.ok ? 'green' : 'red'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="price-book-outcome"
        >
          {outcome.text}
        </Alert>
      )}
      <QueryState
        loading={books.loading && !books.data}
        error={books.error}
        empty={list.length === 0}
        emptyText="No books."
      >
        <Group align="flex-end">
          <Select
            label="Price book"
            data={list.map((b) => ({ value: b.id, label: b.master ? `${b.name} (default)` : b.name }))}
            value={book?.id ?? null}
            onChange={setChosen}
            allowDeselect={false}
            w={280}
          />
          <TextInput
            label="New price book"
            placeholder="e.g. Gold partners"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
            w={260}
          />
          <Button variant="light" onClick={() => void createBook()} loading={creating.loading} disabled={!name.trim()}>
            Add book
          </Button>
        </Group>
        {book && (
          <Card withBorder component="section" aria-labelledby="book-title">
            <Stack>
              <Group justify="space-between">
                <Title order={2} size="h4" id="book-title">
                  {book.name}
                </Title>
                <Text size="sm" c="dimmed">
                  {book.master
                    ? `Prices ${book.resellerCount} reseller(s) without a book of their own`
                    : `Prices ${book.resellerCount} reseller(s)`}
                  {book.resellerNames.length > 0 &&
                    `: ${book.resellerNames.join(', ')}${book.resellerCount > book.resellerNames.length ? ', …' : ''}`}
                </Text>
              </Group>
              {book.rules.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No rules: resellers on this book pay {book.master ? 'the partner price' : 'by the master book'}.
                </Text>
              ) : (
                <Table aria-label="Rules">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Rule</Table.Th>
                      <Table.Th>For</Table.Th>
                      <Table.Th>Days</Table.Th>
                      <Table.Th>State</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {book.rules.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>
                          <Text size="sm">{r.label}</Text>
                          <Text size="xs" c="dimmed">
                            by {r.createdBy}
                          </Text>
                        </Table.Td>
                        <Table.Td>{scopeText(r)}</Table.Td>
                        <Table.Td>
                          {r.effectiveFrom} → {r.effectiveTo ?? 'open-ended'}
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={STATE_COLORS[r.state]}>
                            {STATE_LABELS[r.state]}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {r.state !== 'ENDED' && (
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => void endRule(r)}>
                              {r.state === 'SCHEDULED' ? 'Remove' : 'End'}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <PriceRuleForm
                key={book.id}
                bookId={book.id}
                bookName={book.name}
                onAdded={async (label) => {
                  setOutcome({ ok: true, text: `Rule “${label}” added.` });
                  await books.refetch();
                }}
              />
            </Stack>
          </Card>
        )}
      </QueryState>
    </Stack>
  );
}
