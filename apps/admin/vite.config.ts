import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': 'http://127.0.0.1:4000',
      '/uploads': 'http://127.0.0.1:4000',
      '/invoices': 'http://127.0.0.1:4000',
      '/billing/reconciliation': 'http://127.0.0.1:4000',
      '/healthz': 'http://127.0.0.1:4000',
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Libraries in chunks of their own (cached across releases); each area of the SPA is loaded on first use.
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/].*@mantine/ },
            { name: 'apollo', test: /node_modules[\\/].*(@apollo|graphql|rxjs|@wry|optimism)/ },
            { name: 'react', test: /node_modules[\\/].*(react|react-dom|react-router|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
});
