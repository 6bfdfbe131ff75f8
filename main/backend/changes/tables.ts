/** Primary-key columns of every table whose rows are changed through the audit trail. */
export const TRACKED_TABLES = {
  course: ['id'],
  category: ['id'],
  student: ['id'],
  team: ['id'],
  team_member: ['id'],
  item: ['id'],
  score: ['student_id', 'item_id'],
  team_score: ['team_id', 'item_id'],
  grade_override: ['student_id'],
  attendance_session: ['id'],
  attendance_mark: ['session_id', 'student_id'],
  presentation_draw: ['id'],
  presentation: ['id'],
  reading: ['id'],
  export_profile: ['id'],
  registrar_export: ['id'],
  setting: ['key'],
} as const satisfies Record<string, readonly string[]>;

export type TrackedTable = keyof typeof TRACKED_TABLES;
/** A row as SQLite returns it, columns by name; db/rows.ts turns rows into typed model values. */
export type Row = Record<string, any>;
export type Key = Record<string, string | number>;

export function keyOf(table: TrackedTable, row: Row): Key {
  const key: Key = {};
  for (const col of TRACKED_TABLES[table]) key[col] = row[col] as string | number;
  return key;
}

/**
 * Rows never erased once written. Deleting one through the tracker (the undo of its insert, a
 * revert) withdraws it instead, so it stays listed; the reason is the change's, e.g. "Undo: ...".
 */
export const NEVER_ERASED: Partial<Record<TrackedTable, (at: string, reason: string | null) => Row>> = {
  presentation_draw: (at, reason) => ({ withdrawn_at: at, withdraw_reason: reason ?? 'Withdrawn' }),
};
