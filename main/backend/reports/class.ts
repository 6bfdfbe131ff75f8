/**
 * The class summary as pdfmake content, a pure function of ClassData: the band chart and
 * histogram with the distribution table, per-item statistics, attendance per session,
 * presentations per team, overrides with their reasons, and the policy that produced it all.
 */
import type { Content } from 'pdfmake/interfaces';
import { bandDistribution, cutoffLines, histogram } from '@shared/charts/distribution';
import { fmtPoints, type View } from '@shared/grading';
import { plural } from '@shared/text/words';
import { formatDay } from '@shared/time/format';
import { describeAttendanceRule } from '@shared/grading/attendance';
import { describeRounding } from '@shared/grading/letter';
import { studentName } from '@shared/model';
import { bandChartSvg, histogramSvg } from './charts';
import { enrolledIndexes, type ClassData } from './data';
import { itemStatistics } from '@shared/charts/stats';
import { courseLine, heading, points, producedText, table, VIEW_TITLE } from './words';

const stat = (x: number | null) => (x === null ? '—' : x.toFixed(2));

function distribution(d: ClassData, view: View): Content[] {
  const { policy } = d.course.snapshot;
  const results = enrolledIndexes(d.course).map((i) => d.course.results[i]!);
  const letters = results.map((r) => (view === 'final' ? r.letter : r.current.letter));
  const dist = bandDistribution(policy.bands, letters);
  const bins = histogram(
    results.map((r) => r[view].rounded),
    10,
  );
  const rows = dist.bands.map((b) => [b.letter, `${fmtPoints(b.min)}`, String(b.count), `${b.percent}%`]);
  if (dist.ungraded) rows.push(['no letter yet', '—', String(dist.ungraded), '—']);
  if (dist.other) rows.push(['other letters', '—', String(dist.other), '—']);
  return [
    heading(`Grade distribution (${plural(results.length, 'enrolled student')})`),
    { svg: bandChartSvg(dist), width: 500 },
    { svg: histogramSvg(bins, cutoffLines(policy.bands)), width: 500, margin: [0, 6, 0, 6] },
    table(['Letter', 'From (%)', 'Students', 'Share'], rows, ['*', 'auto', 'auto', 'auto']),
  ];
}

function itemStats(d: ClassData): Content[] {
  const { items, categories, students } = d.course.snapshot;
  const entries = students.map((student, i) => ({ student, result: d.course.results[i]! }));
  const catName = new Map(categories.map((c) => [c.id, c.name]));
  // The grid's Statistics dialog and the workbook footer give the same figures.
  const rows = items.map((item) => {
    const s = itemStatistics(entries, item);
    return [
      item.name,
      catName.get(item.categoryId) ?? '',
      fmtPoints(item.pointsPossible),
      String(s.count),
      stat(s.mean),
      stat(s.median),
      stat(s.sd),
    ];
  });
  return [
    heading('Per-item statistics (effective scores, in points)'),
    table(['Item', 'Category', 'Possible', 'Count', 'Mean', 'Median', 'SD'], rows, ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto']),
  ];
}

function attendance(d: ClassData): Content[] {
  const rows = d.attendance.perSession.map((s) => [
    formatDay(s.date),
    s.title ?? '',
    String(s.counts.present),
    String(s.counts.late),
    String(s.counts.absent),
    String(s.counts.excused),
    s.state === 'roll-not-taken' ? 'roll not taken' : s.rate === null ? '—' : `${s.rate.toFixed(1)}%`,
  ]);
  return [
    heading('Attendance per session'),
    rows.length === 0
      ? { text: 'No class sessions held yet.', margin: [0, 0, 0, 8] }
      : table(['Date', 'Session', 'Present', 'Late', 'Absent', 'Excused', 'Rate'], rows, [
          'auto',
          '*',
          'auto',
          'auto',
          'auto',
          'auto',
          'auto',
        ]),
  ];
}

function presentations(d: ClassData): Content[] {
  const review = d.presentations;
  const teams = review.teams.map((t) => {
    const own = review.cells.filter((c) => c.teamId === t.teamId);
    const grades = own.map((c) =>
      c.score === null ? `${formatDay(c.date)}: not graded` : `${formatDay(c.date)}: ${points(c.score)}/${points(c.pointsPossible)}`,
    );
    return [t.name, String(t.presented), String(t.turns), grades.join('; ') || '—'];
  });
  return [
    heading('Presentations per team'),
    teams.length === 0
      ? { text: 'No teams yet.', margin: [0, 0, 0, 8] }
      : table(['Team', 'Presented', 'Drawn', 'Dates and grades'], teams, ['auto', 'auto', 'auto', '*']),
  ];
}

function overrides(d: ClassData): Content[] {
  const { students } = d.course.snapshot;
  const rows = d.course.results.flatMap((r, i) =>
    r.override
      ? [[studentName(students[i]!), students[i]!.registrarId, r.override.computedLetter ?? '—', r.letter ?? '—', r.override.reason]]
      : [],
  );
  return [
    heading('Overrides'),
    rows.length === 0
      ? { text: 'No final grade is overridden.', margin: [0, 0, 0, 8] }
      : table(['Student', 'ID', 'Computed', 'Given', 'Reason'], rows, ['auto', 'auto', 'auto', 'auto', '*']),
  ];
}

function policyText(d: ClassData): Content[] {
  const { policy, categories } = d.course.snapshot;
  const late = policy.late;
  const steps = late.steps.map(
    (s) =>
      `up to ${fmtPoints(s.upToHours)} h late: −${fmtPoints(s.deduction)}% of points ${late.basis}${s.per === 'flat' ? '' : ` per ${s.per}`}`,
  );
  const cutoff = late.cutoffHours === null ? '' : `; more than ${fmtPoints(late.cutoffHours)} h late: not accepted (0)`;
  const weights = categories.map((c) => {
    const drops = [c.dropLowest ? `drop lowest ${c.dropLowest}` : '', c.dropHighest ? `drop highest ${c.dropHighest}` : '']
      .filter(Boolean)
      .join(', ');
    return [
      c.name,
      policy.grading === 'weighted' ? `${fmtPoints(c.weight)}%` : 'by points',
      c.kind === 'attendance' ? 'from attendance' : drops || '—',
    ];
  });
  return [
    heading('Policy'),
    table(['Category', 'Weight', 'Rules'], weights, ['*', 'auto', 'auto']),
    {
      ul: [
        `Letter bands (lower bound inclusive): ${policy.bands.map((b) => `${b.letter} ≥ ${fmtPoints(b.min)}`).join(', ')}`,
        `Rounding before the letter: ${describeRounding(policy.rounding)}`,
        `Late work: ${steps.join('; ') || 'no penalty'}${cutoff}`,
        `Work is due at ${policy.defaultDueTime} in ${policy.timeZone} unless an item says otherwise`,
        `Attendance: ${describeAttendanceRule(policy.attendance)}`,
      ],
    },
  ];
}

export function classSummary(d: ClassData, view: View): Content[] {
  const { course, policy } = d.course.snapshot;
  return [
    { text: courseLine(course), style: 'h1' },
    { text: 'Class summary', style: 'title' },
    { text: `${VIEW_TITLE[view]} · Produced ${producedText(d.course.asOf, policy.timeZone)}`, style: 'small', margin: [0, 0, 0, 6] },
    ...distribution(d, view),
    ...itemStats(d),
    ...attendance(d),
    ...presentations(d),
    ...overrides(d),
    ...policyText(d),
  ];
}
