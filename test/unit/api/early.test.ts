import { describe, expect, it } from 'vitest';
import type { Envelope } from '@shared/api';
import { withEarlyReads } from '../../../renderer/src/api/early';

/** A transport that records what went out and answers with the method's name and how many times it was sent. */
function recording() {
  const sent: string[] = [];
  const transport = (method: string): Promise<Envelope> => {
    sent.push(method);
    return Promise.resolve({ ok: true, value: `${method} #${sent.filter((m) => m === method).length}` });
  };
  return { sent, transport };
}

describe('withEarlyReads', () => {
  it('sends the reads at once and answers each first call with its early answer', async () => {
    const { sent, transport } = recording();
    const t = withEarlyReads(transport, ['app.state', 'course.snapshot']);
    expect(sent).toEqual(['app.state', 'course.snapshot']);
    expect(await t('app.state', {})).toEqual({ ok: true, value: 'app.state #1' });
    expect(await t('course.snapshot', {})).toEqual({ ok: true, value: 'course.snapshot #1' });
    expect(sent).toHaveLength(2);
    // A second call is a new request.
    expect(await t('app.state', {})).toEqual({ ok: true, value: 'app.state #2' });
  });

  it('drops the early answers once anything else is called: a write could make them stale', async () => {
    const { sent, transport } = recording();
    const t = withEarlyReads(transport, ['app.state', 'course.snapshot']);
    await t('app.state', {});
    await t('score.apply', { edits: [] });
    expect(await t('course.snapshot', {})).toEqual({ ok: true, value: 'course.snapshot #2' });
    expect(sent).toEqual(['app.state', 'course.snapshot', 'score.apply', 'course.snapshot']);
  });

  it('sends a read with input of its own instead of answering it early', async () => {
    const { transport } = recording();
    const t = withEarlyReads(transport, ['history.state']);
    expect(await t('history.state', { limit: 5 })).toEqual({ ok: true, value: 'history.state #2' });
  });
});
