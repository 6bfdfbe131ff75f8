import type { Transport } from '@shared/api/bridge';

/**
 * Sends reads at once and answers each one's first call with its early answer. The reads that
 * open a course can then go out before the rest of the renderer's code has loaded and run, and
 * the backend works on them meanwhile. An early answer is used only while nothing else has been
 * called: any other call (a write, a course opened) could make it stale, so it drops them all.
 */
export function withEarlyReads(transport: Transport, methods: readonly string[]): Transport {
  const early = new Map(methods.map((method) => [method, transport(method, {})]));
  return (method, input) => {
    const answer = early.get(method);
    const plain = input === undefined || (typeof input === 'object' && input !== null && Object.keys(input).length === 0);
    if (answer && plain) {
      early.delete(method);
      return answer;
    }
    early.clear();
    return transport(method, input);
  };
}
