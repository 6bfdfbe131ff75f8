/**
 * Grading engine benchmark on the bench course (engine-course.ts), each figure beside its target:
 *   floor       a plain loop over typed arrays giving the same percentages (engine-floor.ts),
 *               checked against the engine's to 2 dp
 *   full        computePrepared over every student, ≤ 5× the floor
 *   one student computeStudent, ≤ 5 µs
 *   first full  preparePacked + computePrepared, the first in the process (opening a course), ≤ 50 ms:
 *               in Node (CPU of every thread) and in headless Chromium, where the app runs it
 *               (wall time of the page's thread; engine-chromium.ts)
 *   peak RSS    of the whole process at 2,000 × 100, ≤ 120 MiB
 *   scaling     full recompute at 500, 2,000 and 8,000 students, per student × item
 * Each size runs in its own node process on an esbuild bundle, as the app runs the engine, from
 * the course as JSON (the wire form); 2,000 runs three times and the medians are printed (the
 * machine is shared and noisy).
 * Run: npx tsx test/bench/engine.bench.ts (ENGINE_BENCH_SIZES=2000 for one size while iterating)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { generatePackedCourse } from './engine-course';
import { firstInChromium } from './engine-chromium';
import type { PageFigures } from './engine-page-probe';
import type { ProbeFigures } from './engine-probe';
import { median } from './stats';

const SIZES = (process.env.ENGINE_BENCH_SIZES ?? '500,2000,8000').split(',').map(Number);
const REPEATS_AT_TARGET = 3;
const TARGET = { ratio: 5, singleUs: 5, firstMs: 50, rssMiB: 120 };

function bundleProbe(dir: string): string {
  const outfile = path.join(dir, 'engine-probe.js');
  buildSync({
    entryPoints: [path.join(__dirname, 'engine-probe.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
  });
  return outfile;
}

function run(probe: string, course: string): ProbeFigures {
  return JSON.parse(execFileSync(process.execPath, [probe, course], { encoding: 'utf8' })) as ProbeFigures;
}

/** The bench course of n students as JSON in `dir`: its path and its size in MB. */
function writeCourse(dir: string, students: number): { file: string; mb: number } {
  const file = path.join(dir, `course-${students}.json`);
  fs.writeFileSync(file, JSON.stringify(generatePackedCourse(students)));
  return { file, mb: fs.statSync(file).size / 1e6 };
}

function line(label: string, value: string, target: string, holds: boolean | null): string {
  return `${label.padEnd(34)}${value.padStart(12)}   ${target.padEnd(22)}${holds === null ? '' : holds ? 'holds' : 'MISSED'}`;
}

export async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-bench-'));
  const probe = bundleProbe(dir);
  try {
    const at: ProbeFigures[] = [];
    const bySize = new Map<number, ProbeFigures>();
    let snapshotMB = 0;
    let inChromium: PageFigures | null = null;
    for (const n of SIZES) {
      const runs = n === 2000 ? REPEATS_AT_TARGET : 1;
      const course = writeCourse(dir, n);
      if (n === 2000) {
        snapshotMB = course.mb;
        inChromium = await firstInChromium(dir, course.file, REPEATS_AT_TARGET);
      }
      for (let k = 0; k < runs; k++) {
        const f = run(probe, course.file);
        if (n === 2000) at.push(f);
        bySize.set(n, f);
      }
    }
    const m = (key: keyof ProbeFigures) => median(at.map((f) => f[key] as number));
    const f = at[0]!;
    const ratio = median(at.map((x) => x.fullMs / x.floorMs));
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(`course: ${f.students} students × ${f.items} items, ${f.scores} scores (median of ${at.length} processes)`);
    console.log(line('floor (plain typed-array loop)', ms(m('floorMs')), '', null));
    console.log(
      line(
        'engine vs floor, both views',
        `${Math.max(...at.map((x) => x.maxDiff)).toExponential(1)}`,
        'max |difference| < 0.005',
        at.every((x) => x.maxDiff < 0.005),
      ),
    );
    console.log(line('full recompute', ms(m('fullMs')), '', null));
    console.log(line('full recompute / floor', `${ratio.toFixed(1)}×`, `≤ ${TARGET.ratio}× floor`, ratio <= TARGET.ratio));
    console.log(line('one student', `${m('singleUs').toFixed(1)} µs`, `≤ ${TARGET.singleUs} µs`, m('singleUs') <= TARGET.singleUs));
    console.log(line('prepare (first, cold)', ms(m('prepareMs')), '', null));
    console.log(
      line('first full recompute after opening', ms(m('firstMs')), `≤ ${TARGET.firstMs} ms (with prepare)`, m('firstMs') <= TARGET.firstMs),
    );
    console.log(
      inChromium === null
        ? '  in Chromium: not measured (no Chromium at CHROMIUM_PATH or /usr/bin/chromium)'
        : line(
            '  in Chromium, as the app opens it',
            ms(inChromium.firstMs),
            `≤ ${TARGET.firstMs} ms (prepare ${inChromium.prepareMs.toFixed(0)})`,
            inChromium.firstMs <= TARGET.firstMs,
          ),
    );
    console.log(
      line('peak RSS of the process', `${m('peakRssMiB').toFixed(0)} MiB`, `≤ ${TARGET.rssMiB} MiB`, m('peakRssMiB') <= TARGET.rssMiB),
    );
    console.log(
      line(
        '  of which the snapshot (input)',
        `${m('snapshotRssMiB').toFixed(0)} MiB`,
        `parsed from ${snapshotMB.toFixed(1)} MB of JSON`,
        null,
      ),
    );
    console.log('scaling (full recompute; floor):');
    for (const n of SIZES) {
      const x = bySize.get(n)!;
      const ns = (t: number) => `${((t * 1e6) / (x.students * x.items)).toFixed(1)} ns`;
      console.log(
        `  ${String(n).padStart(5)} students  ${ms(x.fullMs).padStart(10)}  ${ns(x.fullMs)} per student × item;  floor ${ms(x.floorMs)} (${ns(x.floorMs)});  peak RSS ${x.peakRssMiB.toFixed(0)} MiB`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const invokedDirectly = typeof process !== 'undefined' && process.argv[1] !== undefined && /engine\.bench\.ts$/.test(process.argv[1]);
if (invokedDirectly) void main();
