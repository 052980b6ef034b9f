import { Alert, Anchor, Badge, Button, Card, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import {
  csvRow,
  formatMoneyAmount,
  formatMoney,
  money,
  type Mismatch,
  type MismatchKind,
  type ReconcilableCharge,
} from '@nce/domain';
import { useState } from 'react';

/** The API's answer to a matched file. */
interface MatchReport {
  ourCharges: number;
  microsoftLines: number;
  matched: number;
  counts: Record<MismatchKind, number>;
  mismatches: Mismatch[];
}

export const MISMATCH_LABELS: Record<MismatchKind, string> = {
  MISSING_AT_MICROSOFT: 'Not in Microsoft’s file',
  MISSING_HERE: 'Not in our charges',
  QUANTITY: 'Seats differ',
  UNIT_PRICE: 'Unit price differs',
  TOTAL: 'Total differs',
  CURRENCY: 'Currency differs',
};

/** Sends Microsoft's file for the month; the custom header keeps other sites from posting here. */
async function match(month: string, file: File): Promise<MatchReport> {
  const response = await fetch(`/billing/reconciliation/${month}/microsoft`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv', 'x-csrf-protection': '1' },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as MatchReport & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `The file could not be matched (HTTP ${response.status}).`);
  return body;
}

const charge = (c: ReconcilableCharge | null) =>
  c
    ? `${c.quantity} × ${formatMoney(money(c.unitPriceMinor, c.currency))} = ${formatMoney(money(c.totalMinor, c.currency))}`
    : '—';

const DIFFERENCE_COLUMNS = [
  'Difference',
  'SubscriptionId',
  'ChargeType',
  'ChargeStartDate',
  'ChargeEndDate',
  'Currency',
  'OurChargeId',
  'OurQuantity',
  'OurUnitPrice',
  'OurTotal',
  'MicrosoftLine',
  'MicrosoftQuantity',
  'MicrosoftUnitPrice',
  'MicrosoftTotal',
];

/** The listed differences as CSV (spreadsheet-safe cells), to work through in a spreadsheet. */
export function differencesCsv(mismatches: readonly Mismatch[]): string {
  const side = (c: ReconcilableCharge | null) =>
    c
      ? [
          c.ref,
          c.quantity,
          formatMoneyAmount(money(c.unitPriceMinor, c.currency)),
          formatMoneyAmount(money(c.totalMinor, c.currency)),
        ]
      : [null, null, null, null];
  return [
    csvRow(DIFFERENCE_COLUMNS),
    ...mismatches.map((m) => {
      const either = (m.ours ?? m.microsoft)!;
      return csvRow([
        MISMATCH_LABELS[m.kind],
        either.subscriptionId,
        either.chargeType,
        either.chargeStart,
        either.chargeEnd,
        either.currency,
        ...side(m.ours),
        ...side(m.microsoft),
      ]);
    }),
  ].join('');
}

/** Month end: Microsoft's reconciliation file matched against the month's charges, every difference listed. */
export function MicrosoftMatchCard({ month, monthLabel }: { month: string; monthLabel: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<MatchReport | null>(null);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    setReport(null);
    try {
      setReport(await match(month, file));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const total = report ? Object.values(report.counts).reduce((sum, n) => sum + n, 0) : 0;
  return (
    <Card withBorder aria-labelledby="match-title" component="section">
      <Stack gap="sm">
        <Title order={2} size="h4" id="match-title">
          Match Microsoft’s file
        </Title>
        <Text size="sm" c="dimmed">
          Microsoft&apos;s reconciliation file for {monthLabel} (CSV). Each of its lines is paired with our charge of
          the same subscription, charge type and days; every line left over on either side, and every pair whose seats,
          prices or currency differ, is listed below.
        </Text>
        <Group align="flex-end">
          <FileInput
            label="Microsoft’s reconciliation file (CSV)"
            placeholder="Choose a file"
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            clearable
            w={360}
            disabled={busy}
          />
          <Button onClick={() => void submit()} disabled={!file} loading={busy}>
            Match
          </Button>
        </Group>
        {problem && (
          <Alert color="red" title="Could not match the file" role="alert">
            {problem}
          </Alert>
        )}
        {report && (
          <Alert
            color={total === 0 ? 'green' : 'yellow'}
            title={total === 0 ? 'Everything matches' : `${total} differences`}
            role="status"
          >
            {report.microsoftLines.toLocaleString()} Microsoft lines, {report.ourCharges.toLocaleString()} of our
            charges: {report.matched.toLocaleString()} paired exactly.
            {total > 0 &&
              ` ${Object.entries(report.counts)
                .filter(([, n]) => n > 0)
                .map(([kind, n]) => `${MISMATCH_LABELS[kind as MismatchKind]}: ${n}`)
                .join('; ')}.`}
            {report.mismatches.length < total && ` The first ${report.mismatches.length} are listed.`}
          </Alert>
        )}
        {report && report.mismatches.length > 0 && (
          <Group>
            <Anchor
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(differencesCsv(report.mismatches))}`}
              download={`reconciliation-differences-${month}.csv`}
            >
              Download the differences (CSV)
            </Anchor>
          </Group>
        )}
        {report && report.mismatches.length > 0 && (
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label="Differences">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Difference</Table.Th>
                  <Table.Th>Subscription</Table.Th>
                  <Table.Th>Charge</Table.Th>
                  <Table.Th>Days</Table.Th>
                  <Table.Th>Ours</Table.Th>
                  <Table.Th>Microsoft&apos;s</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.mismatches.map((m, i) => {
                  const either = (m.ours ?? m.microsoft)!;
                  return (
                    <Table.Tr key={`${m.ours?.ref ?? ''}:${m.microsoft?.ref ?? ''}:${i}`}>
                      <Table.Td>
                        <Badge variant="light" color={m.kind.startsWith('MISSING') ? 'red' : 'yellow'}>
                          {MISMATCH_LABELS[m.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace">
                          {either.subscriptionId}
                        </Text>
                      </Table.Td>
                      <Table.Td>{either.chargeType}</Table.Td>
                      <Table.Td>
                        {either.chargeStart} → {either.chargeEnd}
                      </Table.Td>
                      <Table.Td>{charge(m.ours)}</Table.Td>
                      <Table.Td>
                        {charge(m.microsoft)}
                        {m.microsoft && (
                          <Text size="xs" c="dimmed">
                            {m.microsoft.ref}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
