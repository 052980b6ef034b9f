import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { confirmAction } from '../../components/feedback';
import type { PriceBookLevel } from '../../gql/graphql';
import { ASSIGN_PRICE_BOOK, PRICE_BOOK_OF, PRICE_BOOKS } from './operations';

const INHERITED = '';

const INHERITED_FROM: Record<PriceBookLevel, string> = {
  RESELLER: ', the default',
  CUSTOMER: ', its reseller’s book',
  SUBSCRIPTION: ', its customer’s or reseller’s book',
};

/**
 * The book a reseller (or one of its customers, or one subscription) is priced by, and the choice of another. Carts
 * price with the new book at once; terms already running keep their price until they renew.
 */
export function PriceBookPanel({
  level,
  targetId,
  name,
  onChanged,
}: {
  level: PriceBookLevel;
  targetId: string;
  name: string;
  /** After a change: the page shows prices the book sets (a subscription's next term). */
  onChanged?: () => void;
}) {
  const current = useQuery(PRICE_BOOK_OF, { variables: { level, targetId }, fetchPolicy: 'cache-and-network' });
  const books = useQuery(PRICE_BOOKS);
  const [assign, assigning] = useMutation(ASSIGN_PRICE_BOOK);
  const [choice, setChoice] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const of = current.data?.priceBookOf;
  const inheritedLabel =
    level === 'RESELLER' ? 'Master (default)' : level === 'CUSTOMER' ? 'Its reseller’s book' : 'Its customer’s book';
  const options = [
    { value: INHERITED, label: inheritedLabel },
    ...(books.data?.priceBooks ?? []).filter((b) => !b.master).map((b) => ({ value: b.id, label: b.name })),
  ];
  const shown = choice ?? (of?.own ? of.book.id : INHERITED);
  const changed = of && shown !== (of.own ? of.book.id : INHERITED);

  const save = async () => {
    const label = options.find((o) => o.value === shown)?.label ?? shown;
    const yes = await confirmAction({
      title: `Price ${name} by ${label}?`,
      effect:
        level === 'SUBSCRIPTION'
          ? 'Its next terms (renewal, term or billing change, upgrade) are priced by the new book; the term running keeps its price.'
          : 'Its carts take the new prices at once (a cart priced before shows the change at checkout). Subscriptions keep their price for the term running and renew at the new book’s price.',
      confirm: 'Change price book',
      danger: false,
    });
    if (!yes) return;
    const result = (await assign({ variables: { level, targetId, bookId: shown === INHERITED ? null : shown } })).data
      ?.assignPriceBook;
    setOutcome(
      result?.__typename === 'PriceBookSaved'
        ? { ok: true, text: `${name} is priced by ${shown === INHERITED ? inheritedLabel : result.book.name}.` }
        : { ok: false, text: result && 'message' in result ? result.message : 'Refused.' },
    );
    setChoice(null);
    await current.refetch();
    onChanged?.();
  };

  return (
    <Card withBorder component="section" aria-labelledby={`price-book-${targetId}`}>
      <Stack gap="xs">
        <Title order={4} id={`price-book-${targetId}`}>
          Price book
        </Title>
        <Text size="sm" c="dimmed">
          {of
            ? of.own
              ? `Priced by ${of.book.name}.`
              : `Priced by ${of.book.name}${INHERITED_FROM[level]}.`
            : 'Loading…'}{' '}
          <Link to="/price-books">See the books</Link>
        </Text>
        <Group align="flex-end">
          <Select
            label="Book"
            data={options}
            value={shown}
            onChange={(value) => setChoice(value ?? INHERITED)}
            allowDeselect={false}
            w={260}
          />
          <Button onClick={() => void save()} disabled={!changed} loading={assigning.loading}>
            Save price book
          </Button>
        </Group>
        {outcome && (
          <Alert color={outcome.ok ? 'green' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
