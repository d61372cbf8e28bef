import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit(), svelteTesting()],
  // The catalogues in ../i18n are imported as raw text.
  server: { fs: { allow: ['..'] } },
  build: {
    // WebKitGTK 2.50 (Debian 12) is well past Safari 15; keep the output conservative anyway.
    target: 'safari15',
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
});
