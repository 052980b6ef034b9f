import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { confirmAction } from '../../components/feedback';
import type { PriceBookLevel } from '../../gql/graphql';
import { ASSIGN_PRICE_BOOK, PRICE_BOOK_OF, PRICE_BOOKS } from './operations';

const INHERITED = '';

/**
 * The book a reseller (or one of its customers) is priced by, and the choice of another. Carts price with the new
 * book at once; terms already running keep their price until they renew.
 */
export function PriceBookPanel({ level, targetId, name }: { level: PriceBookLevel; targetId: string; name: string }) {
  const current = useQuery(PRICE_BOOK_OF, { variables: { level, targetId }, fetchPolicy: 'cache-and-network' });
  const books = useQuery(PRICE_BOOKS);
  const [assign, assigning] = useMutation(ASSIGN_PRICE_BOOK);
  const [choice, setChoice] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const of = current.data?.priceBookOf;
  const inheritedLabel = level === 'RESELLER' ? 'Master (default)' : 'Its reseller’s book';
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
        'Its carts take the new prices at once (a cart priced before shows the change at checkout). Subscriptions keep their price for the term running and renew at the new book’s price.',
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
              : `Priced by ${of.book.name}${level === 'CUSTOMER' ? ', its reseller’s book' : ', the default'}.`
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
