/**
 * Writes docs/metrics.md from the metric dictionary. The only file of the analytics folder that
 * touches the disk; run it with `npx tsx collector/src/analytics/metrics/write-metrics-doc.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderMetricsMarkdown } from './render-metrics-markdown.js';

/** Path of the generated document. */
export const METRICS_DOC_PATH = fileURLToPath(new URL('../../../../docs/metrics.md', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(METRICS_DOC_PATH, renderMetricsMarkdown());
  console.log(`wrote ${METRICS_DOC_PATH}`);
}
