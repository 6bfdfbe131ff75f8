import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoClass } from '../../main/backend/services/demo';
import { readSnapshot } from '../../main/backend/services/course';
import { presentationReview } from '../../main/backend/services/presentations';
import { seriousViolations } from './axe';
import { startApp, type Harness } from './harness';

const ACCOMMODATION = 'DRC letter: extended time and a reduced-distraction room';
/** The demo's last week: its class sessions have no draw yet. */
const WEEK = 12;
const READING = 'Operationalizing Machine Learning: An Interview Study';

/** Helpers over one running app. */
function screens(get: () => Harness) {
  const page = () => get().page;
  return {
    tab: (name: string) => page().getByRole('tab', { name }).click(),
    screen: (name: string) => get().openScreen(name),
    /** The shell's message line. */
    message: () => page().locator('main .message').textContent(),
    /** Chooses the week's first session (its label also counts the session's draws). */
    chooseWeek: async (week: number) => {
      const select = page().getByLabel('Session');
      await expect.poll(() => select.locator('option').count()).toBeGreaterThan(0);
      const option = select
        .locator('option')
        .filter({ hasText: new RegExp(`^Week ${week},`) })
        .first();
      await select.selectOption((await option.getAttribute('value'))!);
      return (await option.textContent())!;
    },
  };
}

describe('Presentations of an empty course in Chromium', () => {
  let app: Harness;
  const { tab, screen } = screens(() => app);
  beforeAll(async () => {
    app = await startApp();
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    await screen('Presentations');
    await app.page.getByRole('heading', { level: 2, name: 'Presentations' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('says what to do first on every part, with the action as a button', async () => {
    const { page } = app;
    await page.getByText('No class sessions yet.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Go to Attendance' }).count()).toBe(1);
    await tab('Records');
    await page.getByText('No presentations recorded yet.', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await tab('Readings');
    await page.getByText('No readings yet. Paste a reading list or add one.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('adds a pasted reading list, naming a bad line first', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Paste a reading list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste or import a reading list' });
    const text = dialog.getByLabel(/One reading a line/);
    await text.fill(
      'Hidden Technical Debt in Machine Learning Systems\thttps://papers.nips.cc/paper/5656\nhttps://example.org/only-a-link',
    );
    await dialog.getByLabel(/Week for rows/).fill('1');
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => dialog.getByRole('table', { name: 'Problems in the file' }).textContent()).toContain('Line 2');
    expect(await dialog.textContent()).toContain('1 problem to fix first; nothing was added.');
    expect(await seriousViolations(page)).toEqual([]);
    await text.fill(
      'Hidden Technical Debt in Machine Learning Systems\thttps://papers.nips.cc/paper/5656\nRules of ML - https://example.org/rules',
    );
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => dialog.textContent()).toContain('2 readings ready to add');
    await dialog.getByRole('button', { name: 'Add readings' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const table = page.getByRole('table', { name: 'Readings' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(await table.textContent()).toContain('https://example.org/rules');
  });
});

describe('Presentations of the demo class in Chromium', () => {
  let app: Harness;
  let drawn: string;
  const { tab, screen, message, chooseWeek } = screens(() => app);

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

  it("adds this week's reading, refusing a bad link in words", async () => {
    const { page } = app;
    await tab('Readings');
    await page.getByRole('button', { name: 'Add a reading' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a reading' });
    await dialog.getByLabel('Title').fill(READING);
    await dialog.getByLabel('Link or DOI (optional)').fill('www.example');
    await dialog.getByLabel(/^Week/).fill(String(WEEK));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('"www.example" is neither a web link').waitFor();
    await dialog.getByLabel('Link or DOI (optional)').fill('10.48550/arXiv.2209.09125');
    await dialog.getByLabel('Syllabus chapter (optional)').selectOption({ label: '4 Deployment' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const row = page.getByRole('table', { name: 'Readings' }).locator('tbody tr').filter({ hasText: READING });
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining([String(WEEK), '4 Deployment']));
  });

  it('draws a team, showing candidates, exclusions with reasons and the seed', async () => {
    const { page } = app;
    await tab('Draw');
    expect(await chooseWeek(WEEK)).toMatch(new RegExp(`^Week ${WEEK}, Tue \\d+ \\w+ \\(Week ${WEEK} Tue\\): \\d+ students present$`));
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
    await expect.poll(() => projector.textContent()).toContain(READING);
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
    for (const s of snapshot.students.filter((x) => !members.has(x.id))) expect(text).not.toContain(`${s.lastName}, ${s.firstName}`);
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
    await dialog.getByText(`The grade goes to Reading assignments: Presentation week ${WEEK}`).waitFor();
    const score = dialog.getByLabel(/^Score \(out of 10\)/);
    await score.fill('11');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Score is out of 10: type a number from 0 to 10.').waitFor();
    await score.fill('8.5');
    await dialog.getByLabel('Feedback (optional)').fill('Clear summary; good questions');
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('presentations-record');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // Members who did not present would get the team grade: the dialog asks first, a second Save confirms.
    const asked = dialog.getByRole('alert').filter({ hasText: 'did not present' });
    await expect.poll(async () => (await dialog.count()) === 0 || (await asked.count()) > 0).toBe(true);
    if (await dialog.count()) await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await screen('Final grades');
    await page.getByRole('table', { name: 'Final grades' }).waitFor();
    const snapshot = readSnapshot(app.workspace.course!.db);
    const team = snapshot.teams.find((t) => t.name === drawn)!;
    const member = snapshot.students.find((s) => s.id === snapshot.memberships.find((m) => m.teamId === team.id)!.studentId)!;
    const item = snapshot.items.find((i) => i.name === `Presentation week ${WEEK}`)!;
    expect(snapshot.categories.find((c) => c.id === item.categoryId)!.name).toBe('Reading assignments');
    expect(item.teamGraded).toBe(true);
    await page.getByRole('button', { name: new RegExp(`^Explain ${member.lastName}, ${member.firstName}`) }).click();
    const items = page.getByRole('table', { name: new RegExp(`^Items of ${member.lastName}`) });
    const row = items.locator('tr').filter({ hasText: `Presentation week ${WEEK}` });
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining([`Presentation week ${WEEK}`, '8.5', '10']));
  });

  it('undo withdraws a redraw, which stays listed, and the first draw stands again', async () => {
    const { page } = app;
    await screen('Presentations');
    expect(await chooseWeek(WEEK)).toMatch(/1 draw$/);
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

  it('withdraws a draw only with a reason, and undo puts it back', async () => {
    const { page } = app;
    const draws = page.getByRole('table', { name: 'Draws in this session' });
    const standing = draws.locator('tbody tr').filter({ hasText: 'In effect' });
    await standing.getByRole('button', { name: 'Withdraw…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Withdraw the draw of/ });
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await dialog.getByText(/^Say why the draw of Demo team \d is withdrawn/).waitFor();
    await dialog.getByLabel('Why is it withdrawn?').fill('Drawn by mistake');
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const withdrawn = draws.locator('tbody tr').filter({ hasText: 'Drawn by mistake' });
    await expect.poll(() => withdrawn.count()).toBe(1);
    expect(await draws.locator('tbody tr').filter({ hasText: 'In effect' }).count()).toBe(0);
    await page.locator('h2#screen-title').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => withdrawn.count()).toBe(0);
    expect(await draws.locator('tbody tr').filter({ hasText: 'In effect' }).count()).toBe(1);
  });

  it('reviews every team and student, verifies every draw, and exports', async () => {
    const { page } = app;
    await tab('Review');
    const table = page.getByRole('table', { name: 'Presentations by week and team' });
    await table.waitFor();
    const review = presentationReview(app.workspace.course!.db);
    const heads = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
    expect(heads).toHaveLength(1 + review.teams.length);
    const column = heads.indexOf(drawn);
    const week = await table
      .locator('tbody tr')
      .filter({ hasText: `Week ${WEEK}` })
      .locator('th, td')
      .allTextContents();
    expect(week[column]).toContain('8.5/10');
    expect(week[column]).toContain(READING);
    // Not presented yet: marked in words on each such team, and named in the summary.
    const notYet = heads.filter((h) => h.endsWith('not presented yet'));
    expect(notYet).toHaveLength(review.teamsNotPresented.length);
    const summary = (await page.locator('.review-summary').first().textContent())!;
    for (const h of notYet) expect(summary).toContain(h.replace(/\s*⚠ not presented yet$/, ''));
    const students = page.getByRole('table', { name: 'Times each student presented' });
    expect(await students.locator('tbody tr').filter({ hasText: 'not presented yet' }).count()).toBe(review.studentsNotPresented.length);

    await page.getByRole('button', { name: 'Verify all draws' }).click();
    await expect.poll(() => message()).toContain(`Every draw verifies (${review.draws.length} draws)`);
    const draws = page.getByRole('table', { name: 'Draws' });
    expect(await draws.locator('tbody tr').count()).toBe(review.draws.length);
    expect(await draws.locator('tbody tr').filter({ hasText: '✓' }).count()).toBe(review.draws.length);
    expect(await draws.locator('tbody tr').filter({ hasText: 'The drawn team asked to swap' }).textContent()).toContain('withdrawn');
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    // The export's notice may already have gone by itself on a slow machine; the screenshot is taken without it.
    const notice = page.getByRole('button', { name: 'Dismiss message' });
    if (await notice.isVisible()) await notice.click();
    await expect.poll(() => notice.count()).toBe(0);
    const shot = await app.screenshot('presentations');
    fs.copyFileSync(shot, path.resolve('test/screenshots/presentations.png'));
  });
});
