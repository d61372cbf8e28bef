// Tauri serves static files and has no Node server: render on the client only.
export const ssr = false;
// Nothing is prerendered; adapter-static writes index.html as the SPA fallback.
export const prerender = false;
