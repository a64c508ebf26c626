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

  /**
   * Taps a region-side on the drawing as a finger does. When the tap also touched neighbouring
   * areas the app asks "Which one did you mean?"; this answers with the area asked for.
   */
  async tapRegion(name: string, side: 'left' | 'right' | null) {
    await this.region(name, side).tap();
    const label = side ? `${name}, your ${side}` : name;
    await this.pickIfAsked(label);
  }

  /**
   * If the "Which one did you mean?" chooser opens after a tap, picks `label` (or, without one,
   * the first option: the area under the finger's centre). Does nothing when the editor opens
   * directly or nothing opens (a read-only map).
   */
  async pickIfAsked(label?: string) {
    const title = this.page.locator('#editor-title');
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const expected = new RegExp(`^${label ? esc(label) : ''}`);
    try {
      await expect(title).toHaveText(label ? new RegExp(`^(${esc(label)}|Which one did you mean\\?)$`) : /./, { timeout: 5000 });
    } catch {
      return;
    }
    if ((await title.textContent())?.trim() !== 'Which one did you mean?') return;
    const options = this.editor.locator('.pick-option');
    await (label ? options.filter({ hasText: expected }).first() : options.first()).tap();
    await expect(title).not.toHaveText('Which one did you mean?');
  }

  async open() {
    await this.page.goto('./');
    await expect(this.page.getByRole('heading', { name: 'FasciaMap', exact: true })).toBeVisible();
    await expect(this.page.locator('main')).toHaveAttribute('aria-busy', 'false');
  }

  async showView(which: 'Front' | 'Back') {
    await this.page.getByRole('group', { name: 'Which side of the body' }).getByRole('button', { name: which }).tap();
  }

  async setSeverity(word: 'fine' | 'mild' | 'moderate' | 'strong') {
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

/** Every tool a person can own (records/profile.rs OWNABLE_TOOLS): the same plans as "any tool". */
export const ALL_TOOLS = ['tennis_ball', 'rubber_ball', 'lacrosse_ball', 'soft_roller', 'medium_roller', 'rolling_pin'];

/**
 * What a returning person has answered once: the welcome passed, the floor fine and every tool
 * at hand (which plans exactly as before these were asked). Specs that are not about the first
 * run start from this, so they keep testing what they test.
 */
export const RETURNING_PROFILE = { welcomed: true, floor_ok: true, tools: ALL_TOOLS };

/**
 * Runs in every page before the app, unless the test asks for a first visit: when nothing is
 * stored yet, stores a document that holds only [`RETURNING_PROFILE`] (as the app stores it,
 * with its check value). A spec's own seed, which runs after this, replaces it.
 */
export function storeReturningProfile(profile: object) {
  try {
    if (localStorage.getItem('fasciamap.doc') !== null) return;
    const data = JSON.stringify({ profile });
    let c = ~0;
    for (const b of new TextEncoder().encode(data)) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    const crc = ~c >>> 0;
    localStorage.setItem('fasciamap.doc', `{"fmt":"fasciamap","v":2,"rev":1,"saved_at":"","crc":${crc},"data":${data}}`);
  } catch {
    // Storage blocked: nothing to store (the app then skips the welcome too).
  }
}

type Fixtures = { map: MapPage; foreignRequests: string[]; cspViolations: string[]; firstVisit: boolean; returning: void };

/** Runs in every page before the app: reports CSP violations as console errors. */
export function watchCsp() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
  });
}

export const test = base.extend<Fixtures>({
  // `test.use({ firstVisit: true })` starts with nothing stored, as a new person does.
  firstVisit: [false, { option: true }],
  returning: [async ({ context, firstVisit }, use) => {
    if (!firstVisit) await context.addInitScript(storeReturningProfile, RETURNING_PROFILE);
    await use();
  }, { auto: true }],
  // Every request of the context (pages and service workers) must go to the app's own origin.
  foreignRequests: async ({ context, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    context.on('request', (r) => {
      const u = r.url();
      if (u.startsWith('data:') || u.startsWith('blob:')) return;
      // The test's own navigations to its local servers (the app never navigates elsewhere).
      if (r.isNavigationRequest() && u.startsWith('http://127.0.0.1:')) return;
      // The origin of whoever asked: the service worker, or the page of the frame. Tests that
      // serve their own copy of the app use another port, which is then the app's own origin.
      const sw = r.serviceWorker();
      let asker = origin;
      if (sw) asker = new URL(sw.url()).origin;
      else {
        const pageUrl = r.frame().page().url();
        if (pageUrl.startsWith('http')) asker = new URL(pageUrl).origin;
      }
      const from = new URL(u).origin;
      if (from !== asker && from !== origin) foreign.push(`${u} (asked by ${asker})`);
    });
    await use(foreign);
    expect(foreign, 'requests to other origins').toEqual([]);
  },
  cspViolations: async ({ context }, use) => {
    const seen: string[] = [];
    await context.addInitScript(watchCsp);
    context.on('console', (m) => { if (m.text().startsWith('CSP violation')) seen.push(m.text()); });
    await use(seen);
    expect(seen, 'Content-Security-Policy violations').toEqual([]);
  },
  map: async ({ page, foreignRequests, cspViolations }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await use(new MapPage(page));
    void foreignRequests;
    void cspViolations;
    expect(errors, 'page errors').toEqual([]);
  },
});

/** Text at `percent` % of the app's own size (its root font is 112.5 %, 18 px), set before the
 *  app starts, the way a phone's text-size setting does it: the root grows, all in rem follows. */
export async function textAt(page: Page, percent: number) {
  await page.addInitScript((f) => {
    const apply = () => { document.documentElement.style.fontSize = `${112.5 * f / 100}%`; };
    if (document.documentElement) apply();
    document.addEventListener('DOMContentLoaded', apply);
  }, percent);
}

export { expect };
