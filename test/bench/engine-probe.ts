/**
 * One measured process of the engine bench (engine.bench.ts bundles this file as the app bundles
 * the engine, and runs it with plain node, one process per course size so each peak RSS is its
 * own). Prints one line of JSON: the figures for `node engine-probe.js <course.json>`, the course
 * in the wire form as JSON, parsed here as the renderer receives it (so the generator's own
 * garbage is not in the peak). Times are CPU time of the process (every thread, so the
 * collector's work counts): on a shared machine wall time mostly measures the neighbours.
 */
import fs from 'node:fs';
import { computePrepared, computeStudent, preparePacked } from '@shared/grading';
import type { PackedSnapshot } from '@shared/model';
import { floorCourse, floorGrades } from './engine-floor';
import { median } from './stats';

const AS_OF = { asOf: '2025-06-01T00:00:00Z' };
const RUNS = 7;

/** CPU milliseconds of this process (every thread, the collector's included) since `from`. */
function cpuMs(from?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

function timed(runs: number, f: () => void): number {
  const ms: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t = process.cpuUsage();
    f();
    ms.push(cpuMs(t));
  }
  return median(ms);
}

export interface ProbeFigures {
  readonly students: number;
  readonly items: number;
  readonly scores: number;
  readonly prepareMs: number;
  /** preparePacked + computePrepared, the first time in the process (as on opening a course). */
  readonly firstMs: number;
  readonly fullMs: number;
  readonly floorMs: number;
  readonly singleUs: number;
  /** Largest |engine − floor| over both views' unrounded percentages, and the students whose 2-dp display differ. */
  readonly maxDiff: number;
  readonly mismatches: number;
  readonly peakRssMiB: number;
  /** Peak RSS once the snapshot (the engine's input, in the wire form) is parsed, before the engine runs. */
  readonly snapshotRssMiB: number;
}

function probe(file: string): ProbeFigures {
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as PackedSnapshot;
  const students = snapshot.students.length;
  const snapshotRssMiB = process.resourceUsage().maxRSS / 1024;
  const t = process.cpuUsage();
  const prepared = preparePacked(snapshot);
  const prepareMs = cpuMs(t);
  const first = computePrepared(prepared, AS_OF);
  const firstMs = cpuMs(t);

  const fullMs = timed(RUNS, () => computePrepared(prepared, AS_OF));

  const floor = floorCourse(snapshot);
  const current = new Float64Array(students);
  const final = new Float64Array(students);
  floorGrades(floor, current, final);
  const floorMs = timed(RUNS, () => floorGrades(floor, current, final));

  let maxDiff = 0;
  let mismatches = 0;
  first.students.forEach((r, s) => {
    for (const [engine, plain] of [
      [r.current, current[s]!],
      [r.final, final[s]!],
    ] as const) {
      const e = engine.percent ?? NaN;
      maxDiff = Math.max(maxDiff, Number.isNaN(e) && Number.isNaN(plain) ? 0 : Math.abs(e - plain));
      if (engine.display !== (Number.isNaN(plain) ? null : plain.toFixed(2))) mismatches++;
    }
  });

  const ids = snapshot.students.map((s) => s.id);
  const singleUs = (timed(RUNS, () => ids.forEach((id) => computeStudent(prepared, id, AS_OF))) * 1000) / ids.length;

  return {
    students,
    items: snapshot.items.length,
    scores: snapshot.scores.values.length,
    prepareMs,
    firstMs,
    fullMs,
    floorMs,
    singleUs,
    maxDiff,
    mismatches,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    snapshotRssMiB,
  };
}

console.log(JSON.stringify(probe(process.argv[2]!)));
