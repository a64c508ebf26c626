// No request leaves the page's own origin while a person uses the app.
import { test, expect } from './fixtures';

test('using the map makes no request to another origin', async ({ map, page, foreignRequests }) => {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url()));
  await map.open();
  await map.tapRegion('Front of thigh', 'right');
  await map.setSeverity('moderate');
  await map.closeEditor();
  await page.getByRole('button', { name: 'List' }).tap();
  await page.reload();
  expect(seen.length).toBeGreaterThan(2);
  expect(foreignRequests).toEqual([]);
});
