// Spoken cues in the guided session (issue #14), with a stand-in for the browser's speech
// synthesis that records what is said and never reports the end of anything (a hanging voice):
// off until turned on; then the step and side, the start, "ten seconds left", "switch sides",
// the breathing words and the end are said, only with a voice of the phone itself; the session
// runs on its own clock whatever the voice does; and a phone with only network voices says
// nothing at all.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { docWith, seed } from './plan_helpers';

/** Replaces `speechSynthesis` before the app starts: `voices` are offered, and every
 *  utterance is recorded (text, voice, time) and then left hanging: no end event ever comes. */
async function fakeSpeech(page: Page, voices: { name: string; lang: string; localService: boolean }[]) {
  await page.addInitScript((voices) => {
    const said: { text: string; voice: string | null; lang: string; at: number }[] = ((window as any).__said = []);
    (window as any).__cancelled = 0;
    class Utterance {
      text: string; voice: any = null; lang = ''; rate = 1;
      constructor(text: string) { this.text = text; }
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speaking: false,
        getVoices: () => voices,
        speak(u: Utterance) { said.push({ text: u.text, voice: u.voice ? u.voice.name : null, lang: u.lang, at: performance.now() }); this.speaking = true; },
        cancel() { (window as any).__cancelled++; },
      },
    });
  }, voices);
}

const said = (page: Page) => page.evaluate(() => ((window as any).__said as { text: string; voice: string | null }[]));
const texts = async (page: Page) => (await said(page)).map((s) => s.text);

async function startSession(page: Page) {
  await page.goto('./');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plan' }).dispatchEvent('click');
  await page.getByRole('button', { name: 'Start guided session' }).tap();
  await expect(page.getByRole('heading', { name: 'Front of thigh, your right' })).toBeVisible();
}

test('spoken cues are off until turned on, then follow the session with a local voice and never hold it up', async ({ page }) => {
  await fakeSpeech(page, [
    { name: 'Network English', lang: 'en-US', localService: false },
    { name: 'Phone English', lang: 'en-GB', localService: true },
    { name: 'Phone German', lang: 'de-DE', localService: true },
  ]);
  // Two sides of one area: 3 on the right, 1 on the left (steps run 30× faster here).
  await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1]], { profile: { cues: { sound: true, vibrate: false, asked: true } } }), 30);
  await startSession(page);
  await page.waitForTimeout(600);
  expect(await said(page), 'nothing is said before the person turns it on').toEqual([]);

  const sw = page.getByRole('switch', { name: 'Say the steps aloud' });
  await expect(sw).not.toBeChecked();
  await sw.check();
  await expect(page.locator('[role="status"][aria-live="polite"]')).toContainText('Spoken cues on');
  await page.getByRole('button', { name: 'Start', exact: true }).tap();

  // The right side's minute runs in about 2 s; the voice never finishes a word, and the
  // session moves on anyway: the left side comes, then its end.
  await expect(page.getByRole('heading', { name: 'Front of thigh, your left' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await expect(page.getByRole('heading', { name: /how do the areas feel now|Well done/i })).toBeVisible({ timeout: 15_000 });

  const all = await said(page);
  const words = all.map((s) => s.text);
  expect(words[0]).toBe('Spoken cues on.');
  expect(words).toContain('Start. Breathe slowly.');
  expect(words).toContain('Ten seconds left.');
  expect(words).toContain('Switch sides. Front of thigh, your left. On the floor. Get into position, then tap Start.');
  expect(words).toContain('Well done. That was the last step.');
  expect(words).toContain('In');
  // Only the phone's own English voice, never the network one or another language.
  expect(new Set(all.map((s) => s.voice))).toEqual(new Set(['Phone English']));
  // Start came before "ten seconds left", which came before switching sides.
  const at = (w: string) => words.indexOf(w);
  expect(at('Start. Breathe slowly.')).toBeLessThan(at('Ten seconds left.'));
  expect(at('Ten seconds left.')).toBeLessThan(words.findIndex((w) => w.startsWith('Switch sides.')));
  // Kept for next time.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('fasciamap.doc') || '{}').data.profile.cues);
  expect(stored.speech).toBe(true);
});

test('with only network voices nothing is said, the switch says why, and the session runs as before', async ({ page }) => {
  await fakeSpeech(page, [{ name: 'Network English', lang: 'en-US', localService: false }]);
  await seed(page, docWith([['quadriceps', 'right', 3], ['quadriceps', 'left', 1]], { profile: { cues: { sound: true, vibrate: false, asked: true, speech: true } } }), 30);
  await startSession(page);
  const sw = page.getByRole('switch', { name: 'Say the steps aloud' });
  await expect(sw).toBeChecked();
  await sw.uncheck();
  await sw.check();
  await expect(page.locator('[role="status"][aria-live="polite"]')).toContainText('no voice of its own');
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Front of thigh, your left' })).toBeVisible({ timeout: 15_000 });
  expect(await texts(page)).toEqual([]);
});
