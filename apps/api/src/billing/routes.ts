import { once } from 'node:events';
import { Forbidden } from '../platform/request-context.js';
import type { ModuleRoutes } from '../platform/module.js';
import { monthRange } from './reconciliation.service.js';

/** A month's reconciliation file, streamed: `/billing/reconciliation/2026-11.csv` or `.jsonl`. */
export const billingRoutes: ModuleRoutes = {
  prefixes: ['/billing/reconciliation/'],
  mount(http, app, { principalOf }) {
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
  },
};
