/** The keyboard shortcuts (UX.md), shown by Help > Keyboard shortcuts; Cmd replaces Ctrl on macOS. */
export const SHORTCUTS: readonly [keys: string, does: string][] = [
  ['Arrows, Tab / Shift+Tab', 'move between cells'],
  ['Enter / Shift+Enter', 'commit and move down / up'],
  ['Typing a number', 'replace the cell'],
  ['F2', 'edit in place'],
  ['Esc', 'cancel the edit'],
  ['Delete / Backspace', 'clear the cell (recorded in history)'],
  ['Ctrl+C / Ctrl+V', 'copy / paste a block as tab-separated text (Excel, Google Sheets)'],
  ['Ctrl+D', 'fill down'],
  ['Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y)', 'undo / redo'],
  ['Ctrl+F', 'search students'],
  ['EX, MI, 0', 'excused, missing, zero'],
  ['Shift+F10 or the context key', 'cell menu: late, extension, waiver, integrity, comment, history'],
  ['P, L, A, E (Attendance)', 'present, late, absent, excused; the cursor moves to the next student (Shift+E asks for a reason)'],
  ['Esc (projector view)', 'leave the projector view'],
  ['Ctrl+O', 'open or create a course'],
  ['Ctrl+/', 'this list of shortcuts'],
];
