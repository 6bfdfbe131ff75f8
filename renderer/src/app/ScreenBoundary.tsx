import { Component, type ReactNode } from 'react';
import { reportFault } from './faults';

/**
 * A screen that throws while rendering is replaced by a line saying so (the error itself shows in
 * the shell's fault notice), instead of the whole window going blank.
 */
export class ScreenBoundary extends Component<{ screen: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    reportFault(error);
  }

  override componentDidUpdate(prev: { screen: string }): void {
    if (prev.screen !== this.props.screen && this.state.failed) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="empty">
        <p>The {this.props.screen} screen could not be shown. The message above says why.</p>
        <button type="button" onClick={() => this.setState({ failed: false })}>
          Try again
        </button>
      </div>
    );
  }
}
