import { once } from 'node:events';
import { csvRow } from '@nce/domain';
import { GraphQLError } from 'graphql';
import type { ModuleRoutes } from '../platform/module.js';
import { Forbidden } from '../platform/request-context.js';
import type { SortDirection } from '../platform/list-sort.js';
import { filterOf, LIST_EXPORTS, type ExportSort } from './list-exports.js';

/**
 * `GET /exports/<list>.csv?filter=<JSON>&sort=<column>&direction=ASC|DESC`: a list as its filters and sort show
 * it, streamed a page at a time (memory flat whatever its length), every text cell spreadsheet-safe.
 */
export const exportRoutes: ModuleRoutes = {
  prefixes: ['/exports/'],
  mount(http, app, { principalOf, requestIdOf }) {
    http.get('/exports/:list.csv', async (req, res) => {
      const principal = await principalOf(req);
      if (!principal) return void res.status(401).json({ error: 'Sign in to export lists.' });
      const list = LIST_EXPORTS[String(req.params.list)];
      if (!list) return void res.status(404).json({ error: `No list is named ${req.params.list}.` });
      const parsed = filterOf(list, typeof req.query.filter === 'string' ? req.query.filter : undefined);
      if ('fault' in parsed) return void res.status(400).json({ error: parsed.fault });
      const direction = typeof req.query.direction === 'string' ? req.query.direction : null;
      if (direction !== null && direction !== 'ASC' && direction !== 'DESC')
        return void res.status(400).json({ error: 'direction is ASC or DESC.' });
      const sort: ExportSort = {
        by: typeof req.query.sort === 'string' && req.query.sort ? req.query.sort : null,
        direction: direction as SortDirection | null,
      };
      const ctx = { principal, requestId: requestIdOf(res) ?? '', ip: req.ip ?? null, clock: app.clock };
      let page;
      try {
        page = await list.page(app, ctx, parsed.filter, null, sort);
      } catch (error) {
        if (error instanceof Forbidden)
          return void res.status(403).json({ error: 'You do not have permission to see this list.' });
        if (error instanceof GraphQLError) return void res.status(400).json({ error: error.message });
        throw error;
      }
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader(
        'content-disposition',
        `attachment; filename="${req.params.list}-${app.clock.now().toISOString().slice(0, 10)}.csv"`,
      );
      res.write(csvRow(list.columns.map(([header]) => header)));
      for (;;) {
        const chunk = page.rows.map((row) => csvRow(list.columns.map(([, cell]) => cell(row)))).join('');
        if (res.destroyed) return;
        if (!res.write(chunk)) await once(res, 'drain');
        if (!page.hasNextPage || !page.endCursor) break;
        page = await list.page(app, ctx, parsed.filter, page.endCursor, sort);
      }
      res.end();
    });
  },
};
