import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoClass } from '../../main/backend/services/demo';
import { readSnapshot } from '../../main/backend/services/course';
import { runDraw } from '../../main/backend/services/draws';
import { recordPresentation } from '../../main/backend/services/presentations';
import { addReading } from '../../main/backend/services/readings';
import { listSessions } from '../../main/backend/services/sessions';
import { seriousViolations } from './axe';
import { startApp, type Harness } from './harness';

const ACCOMMODATION = 'DRC letter: extended time and a reduced-distraction room';

describe('Presentations screen in Chromium', () => {
  let app: Harness;
  let drawn: string;

  const tab = (name: string) => app.page.getByRole('tab', { name }).click();
  const screen = (name: string) => app.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name }).click();
  /** The shell's message line. */
  const message = () => app.page.locator('main .message').textContent();
  /** Chooses the first week's first session (the option's label also counts its draws). */
  const chooseWeek1 = async () => {
    const select = app.page.getByLabel('Session');
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(0);
    const option = select
      .locator('option')
      .filter({ hasText: /^Week 1,/ })
      .first();
    await select.selectOption((await option.getAttribute('value'))!);
    return (await option.textContent())!;
  };

  beforeAll(async () => {
    app = await startApp((ws) => {
      loadDemoClass(ws.course!);
      // Every student has an email (demo) and an accommodation note: neither may reach the projector.
      ws.course!.db.prepare('UPDATE student SET accommodation_note = ?').run(ACCOMMODATION);
    });
    await app.page.getByRole('heading', { level: 1, name: 'IE 7374 Machine Learning Operations' }).waitFor();
    await screen('Presentations');
    await app.page.getByRole('heading', { level: 2, name: 'Presentations' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('starts the reading list from its empty state with a pasted list', async () => {
    const { page } = app;
    await tab('Readings');
    await page.getByText('No readings yet. Paste a reading list or add one.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Paste a reading list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste or import a reading list' });
    await dialog
      .getByLabel(/One reading a line/)
      .fill('Hidden Technical Debt in Machine Learning Systems\thttps://papers.nips.cc/paper/5656\nhttps://example.org/only-a-link');
    await dialog.getByLabel(/Week for rows/).fill('1');
    await dialog.getByRole('button', { name: 'Check' }).click();
    // The bad second line is named and nothing is added.
    await expect.poll(() => dialog.getByRole('table', { name: 'Problems in the file' }).textContent()).toContain('Line 2');
    await dialog
      .getByLabel(/One reading a line/)
      .fill('Hidden Technical Debt in Machine Learning Systems\thttps://papers.nips.cc/paper/5656');
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => dialog.textContent()).toContain('1 reading ready to add');
    await dialog.getByRole('button', { name: 'Add readings' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const table = page.getByRole('table', { name: 'Readings' });
    await expect.poll(() => table.textContent()).toContain('Hidden Technical Debt');
  });

  it('draws a team, showing candidates, exclusions with reasons and the seed', async () => {
    const { page } = app;
    await tab('Draw');
    expect(await chooseWeek1()).toMatch(/^Week 1, Tue \d+ \w+ \(Week 1 Tue\): \d+ students present$/);
    const candidates = page.getByRole('table', { name: 'Candidates' });
    await expect.poll(() => candidates.locator('tbody tr').count()).toBe(8);
    // Excusing a team needs a reason; then it is listed with it.
    await page.getByRole('button', { name: 'Excuse Demo team 8' }).click();
    await page.getByRole('button', { name: 'Excuse', exact: true }).click();
    await expect.poll(() => page.getByText('Say why Demo team 8 is excused this week').count()).toBe(1);
    await page.getByLabel('Why is Demo team 8 excused this week?').fill('Presenting at the conference');
    await page.getByRole('button', { name: 'Excuse', exact: true }).click();
    await expect.poll(() => candidates.locator('tbody tr').count()).toBe(7);
    expect(await page.locator('ul.excluded').textContent()).toContain('Demo team 8 (excused): Presenting at the conference');
    // Lifting the rule without a reason is refused, in words.
    await page.getByLabel(/Lift the fairness rule/).check();
    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    await page.getByText('Say why the fairness rule is lifted for this draw').waitFor();
    await page.getByLabel(/Lift the fairness rule/).uncheck();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    const result = page.locator('.draw-result');
    await result.waitFor();
    drawn = (await result.locator('strong').textContent())!;
    expect(drawn).toMatch(/^Demo team [1-7]$/);
    expect(await result.textContent()).toMatch(/Seed \S+/);
    await app.screenshot('presentations-draw');
  });

  it('shows the drawn team on the projector and nothing private', async () => {
    const { page } = app;
    const opener = page.locator('.draw-result').getByRole('button', { name: 'Show on projector' });
    await opener.click();
    const projector = page.getByRole('dialog', { name: 'Projector view' });
    await projector.getByRole('heading', { name: drawn }).waitFor();
    await expect.poll(() => projector.textContent()).toContain('Hidden Technical Debt');
    const text = await page.locator('body').innerText();
    const snapshot = readSnapshot(app.workspace.course!.db);
    for (const s of snapshot.students) {
      expect(text).not.toContain(s.registrarId);
      if (s.email) expect(text).not.toContain(s.email);
    }
    expect(text).not.toContain(ACCOMMODATION);
    expect(text).not.toMatch(/\d+(\.\d+)?\s*\/\s*\d+|%|grade/i);
    // Only the drawn team's members are named.
    const team = snapshot.teams.find((t) => t.name === drawn)!;
    const members = new Set(snapshot.memberships.filter((m) => m.teamId === team.id).map((m) => m.studentId));
    const others = snapshot.students.filter((s) => !members.has(s.id));
    for (const s of others) expect(text).not.toContain(`${s.firstName} ${s.lastName}`);
    expect(await projector.locator('.projector-members li').count()).toBe(members.size);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('presentations-projector');
    await page.keyboard.press('Escape');
    await expect.poll(() => projector.count()).toBe(0);
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('records the presentation and its grade lands in Reading assignments and Explain', async () => {
    const { page } = app;
    await page
      .getByRole('table', { name: 'Draws in this session' })
      .getByRole('button', { name: `Record ${drawn}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Record a presentation' });
    await dialog.getByText('The grade goes to Reading assignments: Presentation week 1').waitFor();
    await dialog.getByLabel(/^Score \(out of 10\)/).fill('11');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Score is out of 10: type a number from 0 to 10.').waitFor();
    await dialog.getByLabel(/^Score \(out of 10\)/).fill('8.5');
    await dialog.getByLabel('Feedback (optional)').fill('Clear summary; good questions');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await screen('Final grades');
    const table = page.getByRole('table', { name: 'Final grades' });
    await table.waitFor();
    const snapshot = readSnapshot(app.workspace.course!.db);
    const team = snapshot.teams.find((t) => t.name === drawn)!;
    const member = snapshot.students.find((s) => s.id === snapshot.memberships.find((m) => m.teamId === team.id)!.studentId)!;
    const item = snapshot.items.find((i) => i.name === 'Presentation week 1')!;
    expect(snapshot.categories.find((c) => c.id === item.categoryId)!.name).toBe('Reading assignments');
    expect(item.teamGraded).toBe(true);
    await page.getByRole('button', { name: new RegExp(`^Explain ${member.lastName}, ${member.firstName}`) }).click();
    const items = page.getByRole('table', { name: new RegExp(`^Items of ${member.lastName}`) });
    const row = items.locator('tr').filter({ hasText: 'Presentation week 1' });
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['Presentation week 1', '8.5', '10']));
  });

  it('undo withdraws a redraw, which stays listed, and the first draw stands again', async () => {
    const { page } = app;
    await screen('Presentations');
    expect(await chooseWeek1()).toMatch(/1 draw$/);
    await page.getByLabel('This session already has a draw. Why draw again?').fill('The drawn team asked to swap');
    await page.getByRole('button', { name: 'Draw again' }).click();
    const result = page.locator('.draw-result');
    await result.waitFor();
    const seed = (await result.locator('code').textContent())!;
    const draws = page.getByRole('table', { name: 'Draws in this session' });
    const redraw = draws.locator('tbody tr').filter({ hasText: seed });
    const first = draws.locator('tbody tr').filter({ hasNotText: seed });
    await expect.poll(() => draws.locator('tbody tr').count()).toBe(2);
    expect(await redraw.textContent()).toContain('In effect');
    expect(await redraw.textContent()).toContain('Redraw: The drawn team asked to swap');
    expect(await first.textContent()).toContain('Withdrawn');
    await page.locator('h2#screen-title').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => message()).toMatch(/^Undid/);
    await expect.poll(() => redraw.textContent()).toContain('Withdrawn');
    await expect.poll(() => first.textContent()).toContain('In effect');
    expect(await result.count()).toBe(0);
    expect(await draws.locator('tbody tr').count()).toBe(2);
  });

  it('reviews every team and student, verifies every draw, and exports', async () => {
    const { page } = app;
    await tab('Review');
    const table = page.getByRole('table', { name: 'Presentations by week and team' });
    await table.waitFor();
    const row = table.locator('tbody tr').filter({ hasText: drawn });
    expect(await row.textContent()).toContain('8.5/10');
    expect(await table.locator('tbody tr').filter({ hasText: 'not presented yet' }).count()).toBe(7);
    expect(await page.getByText('7 of 8 teams have not presented yet').count()).toBe(1);
    await page.getByRole('button', { name: 'Verify all draws' }).click();
    await expect.poll(() => message()).toContain('Every draw verifies (2 draws)');
    const draws = page.getByRole('table', { name: 'Draws' });
    expect(await draws.locator('tbody tr').filter({ hasText: 'withdrawn' }).count()).toBe(1);
    expect(await draws.locator('tbody tr').filter({ hasText: '✓' }).count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });
});

const READINGS = [
  'Hidden Technical Debt in Machine Learning Systems',
  'Rules of Machine Learning',
  'Data Validation for Machine Learning',
  'The ML Test Score',
  'Challenges in Deploying Machine Learning',
  'Monitoring and Explainability of Models in Production',
  'Towards ML Engineering',
  'Operationalizing Machine Learning: An Interview Study',
];

describe('the Presentations review of a term in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp((ws) => {
      const db = ws.course!.db;
      loadDemoClass(ws.course!);
      const readings = READINGS.map((title, i) => addReading(db, { title, link: `https://example.org/reading-${i + 1}`, week: i + 1 }));
      // Eight weekly draws (every team once, by the fairness rule); six presentations recorded so far.
      const tuesdays = listSessions(db).filter((s) => s.title?.endsWith('Tue'));
      tuesdays.slice(0, 8).forEach((s, i) => {
        const draw = runDraw(db, { sessionId: s.id, teams: 1, seed: `week-${s.week}` }, `${s.date}T14:00:00Z`);
        if (i >= 6) return;
        recordPresentation(db, {
          sessionId: s.id,
          teamId: draw.teams[0]!.teamId,
          drawId: draw.id,
          readingIds: [readings[i]!.id],
          rubric: [{ criterion: 'Score', points: 7 + (i % 4) }],
          durationMinutes: 12,
          feedback: null,
        });
      });
    });
    await app.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Presentations' }).click();
    await app.page.getByRole('tab', { name: 'Review' }).click();
    await app.page.getByRole('table', { name: 'Presentations by week and team' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('shows who presented what, who has not yet, and verifies the stored draws', async () => {
    const { page } = app;
    const table = page.getByRole('table', { name: 'Presentations by week and team' });
    expect(await table.locator('tbody tr').count()).toBe(8);
    expect(await table.locator('tbody tr').filter({ hasText: 'not presented yet' }).count()).toBe(2);
    expect(await page.getByText(/^⚠ 2 of 8 teams have not presented yet/).count()).toBe(1);
    const draws = page.getByRole('table', { name: 'Draws' });
    expect(await draws.locator('tbody tr').count()).toBe(8);
    expect(await draws.textContent()).toContain('week-1');
    await page.getByRole('button', { name: 'Verify all draws' }).click();
    await expect.poll(() => page.locator('main .message').textContent()).toContain('Every draw verifies (8 draws)');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('main .message button').click();
    const shot = await app.screenshot('presentations');
    fs.copyFileSync(shot, path.resolve('test/screenshots/presentations.png'));
    await page.getByRole('tab', { name: 'Records' }).click();
    await page.getByRole('table', { name: 'Recorded presentations' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('presentations-records');
    await page.getByRole('tab', { name: 'Readings' }).click();
    await page.getByRole('table', { name: 'Readings' }).waitFor();
    await app.screenshot('presentations-readings');
  });
});
