import { once } from 'node:events';
import { Transform } from 'node:stream';
import { Forbidden } from '../platform/request-context.js';
import type { ModuleRoutes } from '../platform/module.js';
import { hasPermission } from '../platform/permissions.js';
import { MicrosoftFileError } from './microsoft-file.js';
import { BillingPermission, monthRange } from './reconciliation.service.js';

/** The largest Microsoft reconciliation file accepted: two million lines of its columns. */
export const MICROSOFT_FILE_MAX_BYTES = 1024 * 1024 * 1024;

class FileTooLargeError extends Error {}

/** Passes a request body on, failing once it passes `max` bytes. */
const limitedTo = (max: number) => {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > max ? new FileTooLargeError(`The file is over ${max / 1024 / 1024} MB.`) : null, chunk);
    },
  });
};

/** A month's reconciliation file, streamed: `/billing/reconciliation/2026-11.csv` or `.jsonl`. */
export const billingRoutes: ModuleRoutes = {
  prefixes: ['/billing/reconciliation/', '/billing/invoices/', '/billing/statements/'],
  mount(http, app, { principalOf, requestIdOf }) {
    /** S19: Microsoft's file for the month (CSV, the request's body) matched against our charges: the mismatches. */
    http.post('/billing/reconciliation/:month/microsoft', async (req, res) => {
      // A custom header cannot be sent cross-site without a CORS preflight: no CSRF through a plain form.
      if (!req.header('x-csrf-protection'))
        return void res.status(400).json({ error: 'Send the x-csrf-protection header with uploads.' });
      const principal = await principalOf(req);
      if (!principal) return void res.status(401).json({ error: 'Sign in to match reconciliation files.' });
      if (!hasPermission(principal, BillingPermission.Reconcile))
        return void res.status(403).json({ error: 'You do not have permission to match reconciliation files.' });
      const range = monthRange(String(req.params.month ?? ''));
      if (!range) return void res.status(400).json({ error: 'Name the month as YYYY-MM, e.g. 2026-11.' });
      const ctx = { principal, requestId: requestIdOf(res) ?? '', ip: req.ip ?? null, clock: app.clock };
      const body = req.pipe(limitedTo(MICROSOFT_FILE_MAX_BYTES));
      req.on('error', (error) => body.destroy(error));
      try {
        res.json(await app.reconciliation.matchMicrosoftFile(ctx, range, body));
      } catch (error) {
        req.resume();
        if (error instanceof FileTooLargeError) return void res.status(413).json({ error: error.message });
        if (error instanceof MicrosoftFileError)
          return void res.status(422).json({
            error: `Line ${error.line}${error.column ? `, ${error.column}` : ''}: ${error.message}`,
            line: error.line,
            column: error.column,
          });
        app.logger.error({ err: error, requestId: requestIdOf(res) }, 'reconciliation match failed');
        res.status(500).json({ error: 'The file could not be matched.', requestId: requestIdOf(res) });
      }
    });

    http.get('/billing/reconciliation/:month.:format', async (req, res) => {
      const principal = await principalOf(req);
      if (!principal) return void res.status(401).json({ error: 'Sign in to download reconciliation files.' });
      const format = req.params.format;
      if (format !== 'csv' && format !== 'jsonl')
        return void res.status(404).json({ error: 'The file is .csv or .jsonl.' });
      const range = monthRange(String(req.params.month ?? ''));
      if (!range) return void res.status(400).json({ error: 'Name the month as YYYY-MM, e.g. 2026-11.' });
      const ctx = {
        principal,
        requestId: String(res.getHeader('x-request-id') ?? ''),
        ip: req.ip ?? null,
        clock: app.clock,
      };
      const chunks = app.reconciliation.export(ctx, range, format);
      let first: IteratorResult<string>;
      try {
        first = await chunks.next();
      } catch (error) {
        if (error instanceof Forbidden)
          return void res.status(403).json({ error: 'You do not have permission to download reconciliation files.' });
        throw error;
      }
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader(
        'content-type',
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      );
      res.setHeader('content-disposition', `attachment; filename="reconciliation-${req.params.month}.${format}"`);
      // Written as read, waiting whenever the client is slower than the database: memory stays flat.
      for (let next = first; !next.done; next = await chunks.next()) {
        if (res.destroyed) return void (await chunks.return(undefined));
        if (!res.write(next.value)) await once(res, 'drain');
      }
      res.end();
    });

    /** S18: a monthly invoice as a PDF, for its reseller's users or staff who reconcile or read orders. */
    http.get('/billing/invoices/:id.pdf', async (req, res) => {
      const principal = await principalOf(req);
      if (!principal) return void res.status(401).json({ error: 'Sign in to download invoices.' });
      const ctx = { principal, requestId: requestIdOf(res) ?? '', ip: req.ip ?? null, clock: app.clock };
      const invoice = await app.monthlyBilling.invoice(ctx, String(req.params.id ?? '')).catch((error: unknown) => {
        if (error instanceof Forbidden) return 'forbidden' as const;
        throw error;
      });
      if (invoice === 'forbidden')
        return void res.status(403).json({ error: 'You do not have permission to see this invoice.' });
      if (!invoice) return void res.status(404).json({ error: 'No such invoice.' });
      const pdf = await app.monthlyBilling.pdf(ctx, invoice);
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('content-type', 'application/pdf');
      res.setHeader('content-disposition', `inline; filename="${invoice.number}.pdf"`);
      res.send(pdf);
    });

    /** A reseller's statement of invoices and credit notes, `?from=YYYY-MM&to=YYYY-MM` (default: last 12 months). */
    http.get('/billing/statements/:resellerId.pdf', async (req, res) => {
      const principal = await principalOf(req);
      if (!principal) return void res.status(401).json({ error: 'Sign in to download statements.' });
      const ctx = { principal, requestId: requestIdOf(res) ?? '', ip: req.ip ?? null, clock: app.clock };
      const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
      const statement = await app.monthlyBilling
        .statement(ctx, String(req.params.resellerId ?? ''), { from: text(req.query.from), to: text(req.query.to) })
        .catch((error: unknown) => {
          if (error instanceof Forbidden) return 'forbidden' as const;
          throw error;
        });
      if (statement === 'forbidden')
        return void res.status(403).json({ error: 'You do not have permission to see this reseller’s statement.' });
      if (!statement.ok)
        return void res
          .status(statement.failure.code === 'NOT_FOUND' ? 404 : 400)
          .json({ error: statement.failure.message, code: statement.failure.code });
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('content-type', 'application/pdf');
      res.setHeader(
        'content-disposition',
        `inline; filename="statement-${statement.value.from}-to-${statement.value.to}.pdf"`,
      );
      res.send(statement.value.pdf);
    });
  },
};
