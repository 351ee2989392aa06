// Speed figures measured while the UI scenarios run; printed by the runner, never asserted.

const figures = new Map();

/** Records one measurement, in milliseconds, under a name such as "Mark Actor: keypress to highlight". */
export function record(name, ms) {
  const list = figures.get(name) ?? [];
  list.push(ms);
  figures.set(name, list);
}

export function printFigures() {
  if (figures.size === 0) return;
  console.log('\nMeasured in the workbench (milliseconds; median, min–max, runs):');
  for (const [name, list] of figures) {
    const sorted = [...list].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    console.log(`  ${name}: ${median.toFixed(0)} (${sorted[0].toFixed(0)}–${sorted.at(-1).toFixed(0)}, n=${sorted.length})`);
  }
}
