import { useApp } from '../../stores/app';

/** Tells the instructor briefly what an action did, in the shell's status line (read out by screen readers). */
export function announce(message: string): void {
  useApp.setState({ notice: message });
}
