/**
 * One student's grade report as pdfmake content: a pure function of StudentData. It answers
 * "why is my grade a B+?" with the items, the category arithmetic and the engine's own
 * explanation sentences. Never an accommodation note, a case note or another student.
 */
import type { Content } from 'pdfmake/interfaces';
import type { ExplanationLine, View } from '@shared/grading';
import { notCountedText } from '@shared/grading/explain';
import { plural } from '@shared/text/words';
import { formatDay } from '@shared/time/format';
import { studentName } from '@shared/model';
import type { ReportOptions, StudentData } from './data';
import { contributionText, courseLine, heading, itemStatus, percent, points, producedText, table, VIEW_TITLE } from './words';

/**
 * The explanation trail of one view, with integrity lines reworded to leave the case note out
 * and muted items (not yet shown to students) left out, from grouped lines too.
 */
function trail(d: StudentData, view: View): string[] {
  const items = new Map(d.result.items.map((i) => [i.itemId, i]));
  const muted = new Set(d.course.snapshot.items.filter((i) => i.muted).map((i) => i.id));
  const keep = (l: ExplanationLine) => l.kind !== 'flag' && (!('view' in l) || l.view === view) && !('itemId' in l && muted.has(l.itemId));
  return d.result.explanation.filter(keep).flatMap((l) => {
    if (l.kind === 'not-counted') {
      const shown = l.itemIds.filter((id) => !muted.has(id)).map((id) => items.get(id)!.name);
      return shown.length === 0 ? [] : [notCountedText(shown, l.status)];
    }
    const item = l.kind === 'item' ? items.get(l.itemId) : undefined;
    if (item?.integrity) return [`${item.name}: zero credit (academic integrity) — scores 0 and is never dropped`];
    return [l.text];
  });
}

function categories(d: StudentData, view: View): Content[] {
  const weighted = d.course.snapshot.policy.grading === 'weighted';
  const rows = d.result.categories.map((c) => {
    const v = c[view];
    return [
      c.name,
      weighted ? `${points(c.weight)}%` : '—',
      `${points(Number(v.effectiveWeight.toFixed(4)))}%`,
      c.kind === 'attendance' ? `${points(v.earned)} of ${points(v.possible)} sessions` : `${points(v.earned)} / ${points(v.possible)}`,
      percent(v.display),
      contributionText(v.contribution),
    ];
  });
  return [heading('Categories'), table(['Category', 'Weight', 'Counted weight', 'Earned / possible', 'Percent', 'Toward total'], rows)];
}

function items(d: StudentData, view: View, comments: boolean): Content[] {
  const muted = new Set(d.course.snapshot.items.filter((i) => i.muted).map((i) => i.id));
  const due = new Map(d.course.snapshot.items.map((i) => [i.id, i.dueDate]));
  return d.result.categories
    .filter((c) => c.kind !== 'attendance')
    .flatMap((c) => {
      const own = d.result.items.filter((i) => i.categoryId === c.categoryId && !muted.has(i.itemId));
      if (own.length === 0) return [];
      const header = ['Item', 'Due', 'Score', 'Possible', 'Status', ...(comments ? ['Comment'] : [])];
      const rows = own.map((i) => [
        i.name,
        { text: due.get(i.itemId) ? formatDay(due.get(i.itemId)!) : '—', noWrap: true },
        points(i.effective),
        points(i.possible),
        itemStatus(i, view),
        ...(comments ? [d.comments.get(i.itemId) ?? ''] : []),
      ]);
      const widths = comments ? ['*', 'auto', 'auto', 'auto', 110, 90] : ['*', 'auto', 'auto', 'auto', 150];
      return [{ text: `${c.name} (${plural(own.length, 'item')})`, style: 'h3' } as Content, table(header, rows, widths)];
    });
}

function attendance(d: StudentData): Content[] {
  const a = d.attendance;
  const t = a.totals;
  const counts = `${plural(t.counts.present, 'session')} present, ${t.counts.late} late, ${t.counts.absent} absent, ${t.counts.excused} excused`;
  const absences = a.sessions.filter((s) => s.outcome === 'absent' || s.outcome === 'forgiven');
  return [
    heading('Attendance'),
    { text: `Attendance rate: ${t.display === null ? 'nothing counted yet' : percent(t.display)} (${counts}).` },
    absences.length === 0
      ? { text: 'No absences.', margin: [0, 2, 0, 8] }
      : {
          text: `Absences (${absences.length}): ${absences.map((s) => formatDay(s.date) + (s.outcome === 'forgiven' ? ' (forgiven)' : '')).join(', ')}.`,
          margin: [0, 2, 0, 8],
        },
  ];
}

function presentations(d: StudentData): Content[] {
  if (d.presentations.length === 0) return [heading('Presentations'), { text: 'No presentations recorded.', margin: [0, 0, 0, 8] }];
  const rows = d.presentations.map((p) => [
    formatDay(p.date),
    p.teamName,
    p.readingIds.map((id) => d.course.readingTitles.get(id) ?? `reading ${id}`).join('; ') || '—',
    p.presented ? 'yes' : 'no',
    p.score === null ? 'not graded yet' : `${points(p.score)} / ${points(p.pointsPossible)}`,
  ]);
  return [heading('Presentations'), table(['Date', 'Team', 'Readings', 'Presented', 'Grade'], rows, ['auto', 'auto', '*', 'auto', 'auto'])];
}

export function studentReport(d: StudentData, { view, comments }: ReportOptions): Content[] {
  const { course, policy } = d.course.snapshot;
  const g = d.result[view];
  const s = d.student;
  const override = view === 'final' && d.result.override;
  const grade = `${percent(g.display)}  ${g.letter ?? 'no letter yet'}`;
  return [
    { text: courseLine(course), style: 'h1' },
    { text: `Grade report: ${studentName(s)}`, style: 'title' },
    { text: `Student ID ${s.registrarId}${s.section ? ` · Section ${s.section}` : ''}`, margin: [0, 0, 0, 4] },
    { text: `${VIEW_TITLE[view]}: ${grade}`, style: 'grade' },
    ...(override
      ? [
          {
            text: `Final grade after the instructor's override: ${d.result.display ? `${d.result.display}% ` : ''}${d.result.letter ?? ''} (${override.reason})`,
            bold: true,
          },
        ]
      : []),
    { text: `Produced ${producedText(d.course.asOf, policy.timeZone)}`, style: 'small', margin: [0, 2, 0, 6] },
    ...categories(d, view),
    heading('How the grade was worked out'),
    { ul: trail(d, view), margin: [0, 0, 0, 8] },
    ...items(d, view, comments),
    ...attendance(d),
    ...presentations(d),
  ];
}
