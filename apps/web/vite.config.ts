import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const apiTarget = process.env.ORIENTIR_API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  // Pure shared code (no Node, no luxon): the words and rules the API uses too.
  resolve: {
    alias: {
      '@orientir/auth': resolve(__dirname, '../../libs/auth/src/index.ts'),
      '@orientir/domain/workflow': resolve(__dirname, '../../libs/domain/src/workflow.ts'),
    },
  },
  build: {
    outDir: resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
