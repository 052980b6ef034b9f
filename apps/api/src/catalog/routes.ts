import type { ModuleRoutes } from '../platform/module.js';
import { hasPermission, Permission } from '../platform/permissions.js';
import { UploadTooLargeError } from './upload-store.js';

/** The largest price-list file accepted (Microsoft's full list is ~100 MB of CSV). */
export const UPLOAD_MAX_BYTES = 512 * 1024 * 1024;

/** Price-list files are uploaded here, then imported by `importPriceList(uploadId)`. */
export const uploadRoutes: ModuleRoutes = {
  prefixes: ['/uploads'],
  mount(http, app, { principalOf, requestIdOf }) {
    http.post('/uploads', async (req, res) => {
      // A custom header cannot be sent cross-site without a CORS preflight: no CSRF through a plain form.
      if (!req.header('x-csrf-protection'))
        return void res.status(400).json({ error: 'Send the x-csrf-protection header with uploads.' });
      const principal = await principalOf(req);
      if (!principal) return void res.status(401).json({ error: 'Sign in to upload.' });
      if (!hasPermission(principal, Permission.CatalogImport))
        return void res.status(403).json({ error: 'You do not have permission to upload price lists.' });
      try {
        const upload = await app.uploads.save(req, UPLOAD_MAX_BYTES);
        res.status(201).json(upload);
      } catch (error) {
        if (error instanceof UploadTooLargeError) return void res.status(413).json({ error: error.message });
        app.logger.error({ err: error, requestId: requestIdOf(res) }, 'upload failed');
        res.status(500).json({ error: 'The upload failed.', requestId: requestIdOf(res) });
      }
    });
  },
};
