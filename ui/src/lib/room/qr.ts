/**
 * The room's join code as a QR code drawn in SVG: the Rust side sends the modules as rows of
 * `1` (dark) and `0` (light) without the quiet zone; the window adds the zone (4 modules, as
 * ISO/IEC 18004 asks, or phones' cameras miss the code) and draws each run of dark modules in
 * a row as one rectangle (a few hundred elements instead of a thousand).
 */

/** The quiet zone around the code, in modules. */
export const QUIET_ZONE = 4;

/** One run of dark modules, in module units of the drawing (quiet zone included). */
export interface QrRun {
  x: number;
  y: number;
  width: number;
}

/** The dark runs of `rows`, shifted by the quiet zone. */
export function qrRuns(rows: readonly string[], quiet = QUIET_ZONE): QrRun[] {
  const runs: QrRun[] = [];
  rows.forEach((row, y) => {
    let start = -1;
    for (let x = 0; x <= row.length; x++) {
      const dark = row[x] === '1';
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push({ x: start + quiet, y: y + quiet, width: x - start });
        start = -1;
      }
    }
  });
  return runs;
}

/** The drawing's side, in modules: the widest row plus the quiet zone on both sides. */
export function qrSize(rows: readonly string[], quiet = QUIET_ZONE): number {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return Math.max(width, rows.length) + 2 * quiet;
}
