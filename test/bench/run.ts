/**
 * `npm run bench`: every benchmark in turn, printing its figures. Benchmarks measure; they
 * never fail the build (speed is not asserted in timed unit tests).
 */
const BENCHES = ['./engine.bench', './excel.bench', './grid.bench', './attendance.bench', './reports.bench'] as const;

async function run(): Promise<void> {
  const only = process.argv[2];
  for (const name of BENCHES) {
    if (only && !name.includes(only)) continue;
    console.log(`\n=== ${name.slice(2)} ===`);
    const mod = (await import(name)) as { main?: () => Promise<void> | void };
    if (!mod.main) throw new Error(`${name} has no main()`);
    await mod.main();
  }
}

run().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
