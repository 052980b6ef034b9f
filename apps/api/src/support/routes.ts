import type express from 'express';
import { Forbidden } from '../platform/request-context.js';
import type { ModuleRoutes } from '../platform/module.js';
import type { Invoice } from './invoice.service.js';

/**
 * An order's documents as PDFs (its invoice, its credit notes): for the order's reseller, or staff who may read orders.
 */
export const documentRoutes: ModuleRoutes = {
  prefixes: ['/invoices/'],
  mount(http, app, { principalOf }) {
    const orderDocument =
      (
        render: (
          invoice: Invoice,
          params: Record<string, string | undefined>,
        ) => Promise<{ name: string; pdf: Buffer } | null>,
      ): express.RequestHandler =>
      async (req, res) => {
        const principal = await principalOf(req);
        if (!principal) return void res.status(401).json({ error: 'Sign in to download invoices.' });
        const ctx = {
          principal,
          requestId: String(res.getHeader('x-request-id') ?? ''),
          ip: req.ip ?? null,
          clock: app.clock,
        };
        const invoice = await app.invoices.invoice(ctx, String(req.params.orderId ?? '')).catch((error: unknown) => {
          if (error instanceof Forbidden) return 'forbidden' as const;
          throw error;
        });
        if (invoice === 'forbidden')
          return void res.status(403).json({ error: 'You do not have permission to see this invoice.' });
        if (!invoice) return void res.status(404).json({ error: 'No such order.' });
        const document = await render(invoice, req.params as Record<string, string | undefined>);
        if (!document) return void res.status(404).json({ error: 'No such document.' });
        // A reseller's invoice: never kept by a shared cache or the browser's.
        res.setHeader('cache-control', 'private, no-store');
        res.setHeader('content-type', 'application/pdf');
        res.setHeader('content-disposition', `inline; filename="${document.name}.pdf"`);
        res.send(document.pdf);
      };
    http.get(
      '/invoices/:orderId.pdf',
      orderDocument(async (invoice) => ({ name: invoice.number, pdf: await app.invoices.pdf(invoice) })),
    );
    http.get(
      '/invoices/:orderId/credit-notes/:creditNoteId.pdf',
      orderDocument(async (invoice, params) => {
        const note = await app.invoices.creditNotePdf(invoice, params.creditNoteId ?? '');
        return note && { name: note.number, pdf: note.pdf };
      }),
    );
  },
};
