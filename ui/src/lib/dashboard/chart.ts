/**
 * Charts on the dashboard, drawn by Chart.js (MIT, the most used canvas charting library,
 * maintained since 2013). Only the pieces used are registered, so the bundle stays small.
 * A Svelte action: `<canvas use:chart={config}>` draws, redraws when the config changes, and
 * frees the chart when the canvas goes.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);
Chart.defaults.font.family = "'Be Vietnam Pro', system-ui, sans-serif";
Chart.defaults.color = '#1f2328';
// Drawn at once: no animation to wait for (screenshots, keyboard users, slow laptops).
Chart.defaults.animation = false;

export type ChartConfig = ChartConfiguration<'bar' | 'doughnut'>;

export function chart(canvas: HTMLCanvasElement, config: ChartConfig) {
  let instance = new Chart(canvas, config);
  return {
    update(next: ChartConfig) {
      instance.destroy();
      instance = new Chart(canvas, next);
    },
    destroy() {
      instance.destroy();
    },
  };
}

/** The palette of the app (app.css): accent red, ink, muted, warm. */
export const COLORS = {
  accent: '#8a1c1c',
  ok: '#2f6b3a',
  warn: '#b7791f',
  muted: '#9aa0a6',
  soft: '#c9a27e',
};
