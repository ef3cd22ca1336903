import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is served by the control listener from web/dist; in development, `npm run dev -w web` proxies
// the API to a running control listener on 127.0.0.1:9090.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0 },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:9090', ws: true },
    },
  },
});
