import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Every path is anchored here so the same config works from the repo root (`npm run build:ui`, `npm run test:ui`).
const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:8080';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/admin-ui', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than our pages; separate chunks stay cached across our releases.
        codeSplitting: {
          groups: [
            { name: 'mui', test: /node_modules[\\/]@(mui|emotion)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // In development the UI runs on Vite's port and the API on 8080; proxying keeps cookies same-origin.
    proxy: { '/api': api, '/healthz': api, '/readyz': api, '/metrics': api },
  },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    unstubGlobals: true,
  },
});
