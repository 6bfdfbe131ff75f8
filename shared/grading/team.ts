/**
 * Team membership for team-graded items. A member gets the team's score when on the team at the
 * item's deadline (original, not extended): joined at or before it and not left by then. An item
 * without a due date uses current membership (no end date).
 */
import type { Membership } from '../model/course';

export interface Stint {
  readonly teamId: number;
  readonly from: number;
  /** Infinity while still a member. */
  readonly to: number;
}

export function toStint(m: Membership): Stint {
  return { teamId: m.teamId, from: Date.parse(m.from), to: m.to === null ? Infinity : Date.parse(m.to) };
}

/** The student's team at `deadline` (null: no due date, use current membership). */
export function teamAt(stints: readonly Stint[], deadline: number | null): number | null {
  for (const s of stints) {
    if (deadline === null ? s.to === Infinity : s.from <= deadline && s.to > deadline) return s.teamId;
  }
  return null;
}
