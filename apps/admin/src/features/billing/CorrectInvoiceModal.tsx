import { useMutation } from '@apollo/client/react';
import { ActionIcon, Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { correctionFromInput, formatMoney, MAX_ADJUSTMENTS, sumMoney, money } from '@nce/domain';
import { useState } from 'react';
import { notifyDone } from '../../components/feedback';
import { errorsByField } from '../../components/fieldErrors';
import { CORRECT_MONTHLY_INVOICE } from './operations';

interface Line {
  description: string;
  amount: string;
}

/**
 * Corrects an issued invoice without editing it: a credit note cancels it in full and a new invoice replaces it,
 * with the adjustment lines given here (settled on the reseller's account). The lines are checked as they are typed,
 * with the rules the API applies.
 */
export function CorrectInvoiceModal({
  invoice,
  onClose,
  onCorrected,
}: {
  invoice: { id: string; number: string; total: { currency: string; formatted: string } };
  onClose: () => void;
  onCorrected: () => void;
}) {
  const [reason, setReason] = useState('');
  const [lines, setLines] = useState<Line[]>([{ description: '', amount: '' }]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [correct, correcting] = useMutation(CORRECT_MONTHLY_INVOICE);
  const currency = invoice.total.currency;
  const checked = correctionFromInput(reason, lines, currency);
  const touched = reason.trim() !== '' || lines.some((l) => l.description.trim() !== '' || l.amount.trim() !== '');
  const adjustmentTotal = checked.ok
    ? formatMoney(
        sumMoney(
          checked.value.adjustments.map((a) => money(a.amountMinor, currency)),
          currency,
        ),
      )
    : null;
  const setLine = (index: number, change: Partial<Line>) =>
    setLines((all) => all.map((line, i) => (i === index ? { ...line, ...change } : line)));

  const submit = async () => {
    setRefusal(null);
    setFieldErrors({});
    const result = (await correct({ variables: { input: { invoiceId: invoice.id, reason, adjustments: lines } } })).data
      ?.correctMonthlyInvoice;
    if (result?.__typename === 'InvoiceCorrected') {
      notifyDone(
        `Credit note ${result.creditNote.number} cancels ${invoice.number}; invoice ${result.invoice.number} (${result.total.formatted}) replaces it.`,
      );
      onCorrected();
      onClose();
    } else if (result?.__typename === 'ValidationFailed') setFieldErrors(errorsByField(result.fields));
    else if (result && 'message' in result) setRefusal(result.message);
  };

  return (
    <Modal opened onClose={onClose} title={`Correct invoice ${invoice.number}`} size="lg">
      <Stack gap="sm">
        <Text size="sm">
          An issued invoice is never edited. A credit note cancels {invoice.number} in full ({invoice.total.formatted}
          ), and a new invoice replaces it: the month&apos;s charges again, with earlier adjustments and the lines
          below, settled on the reseller&apos;s account. The reseller&apos;s contact is emailed both.
        </Text>
        <Textarea
          label="Reason"
          description="Shown on the credit note, the new invoice and the email."
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldErrors.reason}
          maxLength={500}
          autosize
          minRows={2}
          required
        />
        {lines.map((line, index) => (
          <Group key={index} align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={`Adjustment ${index + 1}`}
              placeholder="What it corrects"
              value={line.description}
              onChange={(e) => setLine(index, { description: e.currentTarget.value })}
              maxLength={200}
            />
            <TextInput
              w={140}
              label={`Amount (${currency})`}
              description="Negative: a credit"
              placeholder="-45.00"
              value={line.amount}
              onChange={(e) => setLine(index, { amount: e.currentTarget.value })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove adjustment ${index + 1}`}
              disabled={lines.length === 1}
              onClick={() => setLines((all) => all.filter((_, i) => i !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {fieldErrors.adjustments && (
          <Text size="sm" c="red" role="alert">
            {fieldErrors.adjustments}
          </Text>
        )}
        <Group justify="space-between">
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={lines.length >= MAX_ADJUSTMENTS}
            onClick={() => setLines((all) => [...all, { description: '', amount: '' }])}
          >
            Add a line
          </Button>
          <Text size="sm" aria-live="polite">
            {adjustmentTotal
              ? `Adjustments: ${adjustmentTotal} before tax`
              : touched && !checked.ok
                ? checked.message
                : ''}
          </Text>
        </Group>
        {refusal && (
          <Alert color="red" role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" disabled={!checked.ok} loading={correcting.loading} onClick={() => void submit()}>
            Issue credit note and new invoice
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
