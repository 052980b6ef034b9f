import { Anchor, Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { PurchaseReadinessQuery } from '../../gql/graphql';

type Readiness = PurchaseReadinessQuery['purchaseReadiness'];

/** The pre-flight checklist: every step of the guide, done or not, and each unmet prerequisite with its fix. */
export function ReadinessChecklist({ readiness }: { readiness: Readiness | undefined }) {
  if (!readiness) return null;
  return (
    <Card withBorder aria-label="Readiness checklist">
      <Stack gap="xs">
        <Title order={5}>{readiness.ready ? 'Ready to buy' : 'Before you can buy'}</Title>
        <List spacing={4} size="sm" center>
          {readiness.checklist.map((step) => (
            <List.Item
              key={step.step}
              data-done={step.done}
              icon={
                <ThemeIcon
                  size={18}
                  radius="xl"
                  color={step.done ? 'green' : 'gray'}
                  variant={step.done ? 'filled' : 'light'}
                >
                  <Text size="xs">{step.done ? '✓' : '·'}</Text>
                </ThemeIcon>
              }
            >
              {step.label}
            </List.Item>
          ))}
        </List>
        {readiness.unmet.map((p) => (
          <Text key={p.code} size="xs" c="red.9" data-code={p.code}>
            {p.message}{' '}
            {p.fix?.href ? (
              <Anchor href={p.fix.href} target="_blank" rel="noreferrer" size="xs">
                {p.fix.label}
              </Anchor>
            ) : (
              p.fix && <i>{p.fix.label}.</i>
            )}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
