import { useMutation } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Button, Code, Group, Text } from '@mantine/core';
import { useState } from 'react';

type Revealed = { user?: string | null; value: string } | null | undefined;

/** A secret shown only on request; the server audits every reveal. */
export function RevealSecret<Field extends string>(props: {
  label: string;
  customerId: string;
  field: Field;
  mutation: TypedDocumentNode<{ [K in Field]: Revealed }, { customerId: string }>;
}) {
  const [reveal, { loading }] = useMutation(props.mutation);
  const [shown, setShown] = useState<Revealed>(null);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Group gap="xs">
      <Text size="sm">{props.label}:</Text>
      {shown ? (
        <Code data-testid={`revealed-${props.field}`}>
          {shown.user ? `${shown.user} / ` : ''}
          {shown.value}
        </Code>
      ) : (
        <Button
          size="xs"
          variant="light"
          loading={loading}
          onClick={() =>
            void reveal({ variables: { customerId: props.customerId } }).then(
              ({ data }) => setShown(data?.[props.field] ?? null),
              (error: Error) => setFailure(error.message),
            )
          }
        >
          Reveal (audited)
        </Button>
      )}
      {failure && (
        <Text size="sm" c="red">
          {failure}
        </Text>
      )}
    </Group>
  );
}
