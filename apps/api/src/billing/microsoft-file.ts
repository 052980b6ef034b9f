import { parseMoney, type ReconcilableCharge } from '@nce/domain';
import { CsvError, parse } from 'csv-parse';
import type { Readable } from 'node:stream';

/** The columns of Microsoft's reconciliation file the match reads (S19); others are carried and ignored. */
export const MICROSOFT_FILE_COLUMNS = [
  'SubscriptionId',
  'ChargeType',
  'ChargeStartDate',
  'ChargeEndDate',
  'BillableQuantity',
  'UnitPrice',
  'Total',
  'Currency',
] as const;

/** The most lines one file may hold: a month of a large distributor, with room to spare. */
export const MICROSOFT_FILE_MAX_LINES = 2_000_000;

/** Why a file cannot be matched: the line (1 is the header) and column at fault, and what is wrong there. */
export class MicrosoftFileError extends Error {
  constructor(
    readonly line: number,
    readonly column: string | null,
    message: string,
  ) {
    super(message);
  }
}

const DAY = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+Z?)?$/;

function lineOf(record: Record<string, string>, line: number): ReconcilableCharge {
  const fault = (column: string, message: string) => new MicrosoftFileError(line, column, message);
  const value = (column: (typeof MICROSOFT_FILE_COLUMNS)[number]) => (record[column] ?? '').trim();
  const currency = value('Currency').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw fault('Currency', `“${value('Currency')}” is not a currency code.`);
  const day = (column: 'ChargeStartDate' | 'ChargeEndDate') => {
    const match = DAY.exec(value(column));
    if (!match) throw fault(column, `“${value(column)}” is not a date (YYYY-MM-DD).`);
    return match[1]!;
  };
  const quantity = Number(value('BillableQuantity'));
  if (value('BillableQuantity') === '' || !Number.isSafeInteger(quantity))
    throw fault('BillableQuantity', `“${value('BillableQuantity')}” is not a whole number of seats.`);
  const amount = (column: 'UnitPrice' | 'Total') => {
    // Credits and removed seats are negative.
    const negative = value(column).startsWith('-');
    const parsed = parseMoney(negative ? value(column).slice(1) : value(column), currency);
    if (!parsed.ok) throw fault(column, `“${value(column)}” is not an amount in ${currency}.`);
    return negative ? -parsed.value.amountMinor : parsed.value.amountMinor;
  };
  const subscriptionId = value('SubscriptionId');
  if (!subscriptionId) throw fault('SubscriptionId', 'The subscription is missing.');
  const chargeType = value('ChargeType');
  if (!chargeType) throw fault('ChargeType', 'The charge type is missing.');
  return {
    ref: `line ${line}`,
    subscriptionId,
    chargeType,
    chargeStart: day('ChargeStartDate'),
    chargeEnd: day('ChargeEndDate'),
    quantity,
    unitPriceMinor: amount('UnitPrice'),
    totalMinor: amount('Total'),
    currency,
  };
}

/**
 * Microsoft's reconciliation file (CSV, S19 columns) read from a stream, each line a charge named by its line
 * number. The first fault stops the read with its line and column: a file matched in part would report its unread
 * lines as missing.
 */
export async function readMicrosoftFile(input: Readable): Promise<ReconcilableCharge[]> {
  const parser = input.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        const missing = MICROSOFT_FILE_COLUMNS.filter((c) => !names.includes(c));
        if (missing.length)
          throw new MicrosoftFileError(1, null, `The header lacks ${missing.join(', ')}: is this Microsoft's file?`);
        return names;
      },
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  const lines: ReconcilableCharge[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (lines.length >= MICROSOFT_FILE_MAX_LINES)
        throw new MicrosoftFileError(info.lines, null, `A file holds at most ${MICROSOFT_FILE_MAX_LINES} lines.`);
      lines.push(lineOf(record, info.lines));
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const at = error as CsvError & { lines?: number };
      throw new MicrosoftFileError(at.lines ?? 0, null, `The file is not valid CSV: ${error.message}`);
    }
    throw error;
  }
  if (lines.length === 0) throw new MicrosoftFileError(2, null, 'The file has a header but no lines.');
  return lines;
}
