import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Svelte 5 runes only: `export let`, `$:` and stores-in-components are compile errors.
    runes: true,
  },
  kit: {
    // Tauri has no Node server: a static SPA whose unknown paths fall back to index.html.
    adapter: adapter({ pages: 'dist', assets: 'dist', fallback: 'index.html', strict: true }),
    // One JS bundle and one stylesheet instead of ~20 chunks: every file is a round trip
    // through Tauri's custom protocol at start-up, and the whole UI is needed at once anyway.
    output: { bundleStrategy: 'single' },
    alias: {
      // The Fluent catalogues live at the repo root, shared with the Rust exports.
      $i18n: '../i18n',
    },
  },
};

export default config;
