// The representative run of one page, as Lighthouse's docs advise (docs/variability.md, "Run
// Lighthouse Multiple Times"): of the runs with an FCP and a TTI, the one closest to the median of
// both (Lighthouse's own computeMedianRun). Writes it to the page's report and prints its four
// scores; "0 0 0 0" when no run is usable (every run ended in a runtime error).
// Usage: node median.mjs <page report> <run report>...
import fs from 'node:fs';
import {computeMedianRun, filterToValidRuns} from 'lighthouse/core/lib/median-run.js';

const [report, ...runFiles] = process.argv.slice(2);
const runs = filterToValidRuns(
  runFiles.filter(file => fs.existsSync(file)).map(file => JSON.parse(fs.readFileSync(file, 'utf-8'))),
);
if (!runs.length) {
  console.log('0 0 0 0');
} else {
  const median = computeMedianRun(runs);
  fs.writeFileSync(report, JSON.stringify(median));
  const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
  console.log(categories.map(key => Math.round((median.categories[key]?.score ?? 0) * 100)).join(' '));
}
