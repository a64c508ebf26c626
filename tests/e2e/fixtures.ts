// Shared helpers: a page object for the body map, and a guard that fails a test when the page
// throws, logs an error, or asks any origin other than its own.
import { test as base, expect, Page } from '@playwright/test';

export class MapPage {
  constructor(readonly page: Page) {}

  /** A region-side on the drawing, by its plain name and side ("Calf", "left"). */
  region(name: string, side: 'left' | 'right' | null) {
    const label = side ? `${name}, your ${side}:` : `${name}:`;
    return this.page.locator(`svg.figure g[role="button"][aria-label^="${label}"]`);
  }

  /** A cell of the list view. */
  cell(name: string, side: 'left' | 'right' | null) {
    const label = side ? `${name}, your ${side}:` : `${name}:`;
    const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('button', { name: new RegExp('^' + esc) });
  }

  get editor() { return this.page.getByRole('dialog'); }

  async open() {
    await this.page.goto('./');
    await expect(this.page.getByRole('heading', { name: 'FasciaMap' })).toBeVisible();
  }

  async showView(which: 'Front' | 'Back') {
    await this.page.getByRole('group', { name: 'Which side of the body' }).getByRole('button', { name: which }).tap();
  }

  async setSeverity(word: 'fine' | 'mild' | 'clear' | 'strong') {
    await this.editor.getByRole('button', { name: new RegExp(`^\\d ${word}$`) }).tap();
  }

  async setKind(kind: 'Tight' | 'Sore') {
    await this.editor.getByRole('button', { name: kind, exact: true }).tap();
  }

  async closeEditor() {
    await this.editor.getByRole('button', { name: 'Done' }).tap();
    await expect(this.editor).toBeHidden();
  }
}

type Fixtures = { map: MapPage; foreignRequests: string[] };

export const test = base.extend<Fixtures>({
  foreignRequests: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
    });
    await use(foreign);
    expect(foreign, 'requests to other origins').toEqual([]);
  },
  map: async ({ page, foreignRequests }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await use(new MapPage(page));
    void foreignRequests;
    expect(errors, 'page errors').toEqual([]);
  },
});

export { expect };
