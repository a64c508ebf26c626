// A person taps regions on both views, sets severity and kind, compares sides, edits in the
// list view, reloads and finds everything as it was.
import { test, expect } from './fixtures';

test('tap, rate, compare both sides, switch views, use the list, reload: all kept', async ({ map, page }) => {
  await map.open();

  // Front view: right front of thigh is strong and sore.
  await map.tapRegion('Front of thigh', 'right');
  await expect(map.editor.getByRole('heading', { name: 'Front of thigh, your right' })).toBeVisible();
  await map.setSeverity('strong');
  await map.setKind('Sore');
  await expect(map.editor).toContainText('Other side: not marked');

  // Jump to the other side from the editor and mark it mild.
  await map.editor.getByRole('button', { name: 'Go to your left side' }).tap();
  await expect(map.editor.getByRole('heading', { name: 'Front of thigh, your left' })).toBeVisible();
  await expect(map.editor).toContainText('Other side: strong (3 of 3), sore.');
  await map.setSeverity('mild');
  await expect(map.editor).toContainText('Other side: strong (3 of 3), sore, the tighter side');
  await map.closeEditor();

  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /strong \(3 of 3\), sore, the tighter side/);
  await expect(map.region('Front of thigh', 'right')).toHaveClass(/tighter/);
  await expect(map.region('Front of thigh', 'left')).toHaveAttribute('aria-label', /mild \(1 of 3\), tight$/);
  // The severity is also written as a number on the drawing, not by colour alone.
  const badge = page.locator('g.badges text').filter({ hasText: '3' });
  await expect(badge).toHaveCount(1);

  // Back view: left calf clear.
  await map.showView('Back');
  await map.tapRegion('Calf', 'left');
  await map.setSeverity('moderate');
  await map.closeEditor();
  await expect(map.region('Calf', 'left')).toHaveAttribute('aria-label', /moderate \(2 of 3\)/);

  // Clearing is one tap.
  await map.tapRegion('Calf', 'left');
  await map.editor.getByRole('button', { name: 'Remove mark' }).tap();
  await expect(map.region('Calf', 'left')).toHaveAttribute('aria-label', /not marked/);
  await map.setSeverity('moderate');
  await map.closeEditor();

  // Symptoms.
  await page.getByRole('button', { name: 'Low back pain or stiffness' }).tap();
  await expect(page.getByRole('button', { name: /flaring up/ })).toBeVisible();

  // List view: both sides side by side; edit the right calf there.
  await page.getByRole('button', { name: 'List' }).tap();
  await expect(map.cell('Front of thigh', 'right')).toContainText('strong');
  await expect(map.cell('Front of thigh', 'right')).toContainText('tighter');
  await expect(map.cell('Front of thigh', 'left')).toContainText('mild');
  await map.cell('Calf', 'right').tap();
  await map.setSeverity('fine');
  await map.closeEditor();
  await expect(map.cell('Calf', 'right')).toContainText('fine');
  await expect(map.cell('Calf', 'left')).toContainText('tighter');
  await page.getByLabel('Show only marked areas').check();
  await expect(page.locator('tbody tr:not(.hidden)')).toHaveCount(2);

  // Reload: everything is as it was.
  await page.reload();
  await expect(map.region('Front of thigh', 'right')).toHaveAttribute('aria-label', /strong \(3 of 3\), sore, the tighter side/);
  await expect(map.region('Front of thigh', 'left')).toHaveAttribute('aria-label', /mild/);
  await expect(page.getByRole('button', { name: 'Low back pain or stiffness' })).toHaveAttribute('aria-pressed', 'true');
  await map.showView('Back');
  await expect(map.region('Calf', 'left')).toHaveAttribute('aria-label', /moderate \(2 of 3\), tight, the tighter side/);
  await expect(map.region('Calf', 'right')).toHaveAttribute('aria-label', /fine \(0 of 3\)/);

  // The saved document is the versioned envelope.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('fasciamap.doc') || 'null'));
  expect(saved).toMatchObject({ fmt: 'fasciamap', v: 2 });
  expect(saved.data.map.marks).toHaveLength(4);
});

test('every region-side of the catalogue can be tapped on its views', async ({ map, page }) => {
  await map.open();
  for (const view of ['Front', 'Back'] as const) {
    await map.showView(view);
    const shapes = page.locator('svg.figure g[role="button"]');
    const n = await shapes.count();
    expect(n).toBe(view === 'Front' ? 79 : 80);
    for (let i = 0; i < n; i++) {
      const shape = shapes.nth(i);
      const label = (await shape.getAttribute('aria-label'))!.split(':')[0];
      // A real tap at the shape's hit point must land on this shape (not a neighbour).
      const box = (await shape.boundingBox())!;
      const hit = await page.evaluate(({ id, label }) => {
        const el = document.getElementById(id)!;
        const svg = el.closest('svg')! as SVGSVGElement;
        const fig = el.querySelector('path.shape') as SVGPathElement;
        const b = fig.getBBox();
        // Try the centre of the bounding box, then points inside the path.
        const ctm = fig.getScreenCTM()!;
        const pts: [number, number][] = [];
        for (let fx = 0.5; fx < 1; fx += 0.2) for (let fy = 0.5; fy < 1; fy += 0.2)
          for (const [sx, sy] of [[fx, fy], [1 - fx, fy], [fx, 1 - fy], [1 - fx, 1 - fy]]) pts.push([b.x + b.width * sx, b.y + b.height * sy]);
        for (const [x, y] of pts) {
          const p = svg.createSVGPoint(); p.x = x; p.y = y;
          const s = p.matrixTransform(ctm);
          const top = document.elementFromPoint(s.x, s.y);
          if (top && top.closest('g[role="button"]') === el) return true;
        }
        return label;
      }, { id: (await shape.getAttribute('id'))!, label });
      expect(hit, `${view}: ${label} (box ${Math.round(box.width)}×${Math.round(box.height)})`).toBe(true);
    }
  }
});
