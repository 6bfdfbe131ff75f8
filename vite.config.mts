import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

export default defineConfig(({ command }) => {
  // A build is what ships, whatever NODE_ENV the shell (or vitest: 'test') passes down: with any
  // other value Vite bundles React's development build, several times slower. Set here, before
  // Vite reads it, so the JSX transform and the bundled React agree.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: path.resolve(import.meta.dirname, 'renderer'),
    base: './',
    plugins: [react()],
    // `@shared/...` is declared once, in tsconfig.json's paths (tsc, esbuild and tsx read it too).
    resolve: { tsconfigPaths: true },
    build: {
      outDir: path.resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
    },
  };
});
