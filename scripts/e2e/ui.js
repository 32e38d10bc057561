// Helpers for UI-level checks (what a person sees) in VS Code 1.139 (code-server) driven by Chromium.
//
//   const ui = require('./ui');
//   const wb = await ui.openWorkbench({ extensionPath, workspaceFolder });
//   try {
//     await ui.clickExplorerFile(wb.page, 'stories/story.md');
//     await ui.waitFor(wb.page, '.squiggly-warning');
//     const hover = await ui.hoverWord(wb.page, 'Product Owner');
//     const rows = await ui.openProblems(wb.page);
//     await ui.screenshot(wb.page, 'out/ui/problems.png');
//   } finally { await wb.close(); }
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { startCodeServer } = require('./codeServer');
const { launchChromium, workbenchUrl, devPayload, webExtensionKindSetting, isNoise } = require('./runSuite');

/** Monaco renders spaces as U+00A0 (and the DOM may hold other odd spaces): make them plain spaces. */
function normalizeText(s) {
  return String(s ?? '').replace(/[\u00a0\u2002\u2003\u2009\u202f]/g, ' ');
}

/**
 * Starts code-server and Chromium and opens the workbench on workspaceFolder with the extension loaded.
 * @param {object} o
 * @param {string} [o.extensionPath]    the extension folder
 * @param {'dev'|'link'|'vsix'} [o.load] how to load it: 'dev' (default) = extensionDevelopmentPath payload;
 *                                      'link' = symlinked into the extensions dir (installed); 'vsix' = --install-extension o.vsix
 * @param {string} [o.vsix]             .vsix file for load 'vsix'
 * @param {string} o.workspaceFolder    folder to open
 * @param {boolean} [o.web]             run the extension in the web-worker host
 * @param {object} [o.userSettings]
 * @param {object} [o.env]              env vars for the Node extension host ('dev' only: payload extensionEnvironment)
 * @param {{width:number,height:number}} [o.viewport]  default 1400x900
 * @param {boolean|string} [o.log]      print workbench console lines (true, or a label)
 * @param {number} [o.timeoutMs]        for the workbench to appear, default 60000
 * @returns {Promise<{page, context, browser, cs, url:string, close:() => Promise<void>}>}
 */
async function openWorkbench(o) {
  if (!o || !o.workspaceFolder) throw new Error('openWorkbench: workspaceFolder is required');
  const load = o.load || (o.vsix ? 'vsix' : 'dev');
  const userSettings = { ...(o.userSettings || {}), ...(o.web && o.extensionPath ? webExtensionKindSetting(o.extensionPath) : {}) };
  const cs = await startCodeServer({
    userSettings,
    linkExtensions: load === 'link' && o.extensionPath ? [o.extensionPath] : [],
    vsix: load === 'vsix' ? [o.vsix] : [],
  });
  let browser;
  const close = async () => {
    if (browser) await browser.close().catch(() => {});
    await cs.stop();
    if (!process.env.E2E_KEEP_RUNS) fs.rmSync(cs.runDir, { recursive: true, force: true });
  };
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: o.viewport || { width: 1400, height: 900 } });
    const label = typeof o.log === 'string' ? o.log : 'ui';
    await context.exposeFunction('codeAutomationLog', (level, args) => {
      const text = Array.isArray(args) ? util.format(...args) : util.format(args);
      if (o.log && !isNoise(text)) for (const line of text.split('\n')) process.stdout.write(`[${label}] ${line}\n`);
    });
    await context.exposeFunction('codeAutomationExit', () => {});
    const page = await context.newPage();
    const payload = load === 'dev' && o.extensionPath ? devPayload(cs.port, { extensionPath: o.extensionPath, env: o.env }) : [];
    const url = workbenchUrl(cs, { workspaceFolder: o.workspaceFolder, payload });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: o.timeoutMs || 60000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: o.timeoutMs || 60000 });
    return { page, context, browser, cs, url, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The Explorer row whose file or folder name is exactly `name`. */
function explorerRow(page, name) {
  return page.locator('.explorer-folders-view .monaco-list-row').filter({
    has: page.locator('.label-name').getByText(name, { exact: true }),
  }).first();
}

/**
 * Clicks a file in the Explorer; 'dir/sub/file.md' expands the folders on the way.
 * Waits until its editor is the active one. Returns the editor's locator.
 */
async function clickExplorerFile(page, relPath, { timeout = 20000 } = {}) {
  const parts = relPath.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const row = explorerRow(page, parts[i]);
    await row.waitFor({ state: 'visible', timeout });
    const isFolder = i < parts.length - 1;
    if (isFolder) {
      if (await row.getAttribute('aria-expanded') !== 'true') await row.click();
    } else {
      await row.click();
    }
  }
  const name = parts[parts.length - 1];
  await page.locator('.tabs-container .tab.active').filter({ hasText: name }).first().waitFor({ state: 'visible', timeout });
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor({ state: 'visible', timeout });
  return editor;
}

/** Waits for a selector to be visible (e.g. '.squiggly-warning'); returns its locator. */
async function waitFor(page, selector, { timeout = 20000, state = 'visible' } = {}) {
  const loc = page.locator(selector).first();
  await loc.waitFor({ state, timeout });
  return loc;
}

/** The active editor's visible text, lines joined by \n, U+00A0 normalised. */
async function editorText(page) {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').evaluateAll((els) =>
    els.map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent })).sort((a, b) => a.top - b.top).map((l) => l.text));
  return normalizeText(lines.join('\n'));
}

/**
 * Moves the mouse over the first occurrence of `word` in the active editor's visible
 * lines (nth: which occurrence) and waits for the hover. Returns the hover's text (normalised).
 */
async function hoverWord(page, word, { nth = 0, timeout = 20000 } = {}) {
  // Move away first, so a hover already open does not count.
  await page.mouse.move(1, 1);
  const point = await page.evaluate(({ word, nth }) => {
    const norm = (s) => s.replace(/\u00a0/g, ' ');
    const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
      .sort((a, b) => (parseFloat(a.style.top) || 0) - (parseFloat(b.style.top) || 0));
    let seen = 0;
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push({ n, start: text.length }); text += norm(n.data); }
      let from = 0;
      for (;;) {
        const at = text.indexOf(word, from);
        if (at < 0) break;
        if (seen++ === nth) {
          const mid = at + Math.floor(word.length / 2);
          const hit = nodes.filter((x) => x.start <= mid).pop();
          const range = document.createRange();
          range.setStart(hit.n, mid - hit.start);
          range.setEnd(hit.n, Math.min(mid - hit.start + 1, hit.n.data.length));
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        from = at + 1;
      }
    }
    return null;
  }, { word, nth });
  if (!point) throw new Error(`hoverWord: "${word}" is not in the visible lines of the active editor`);
  await page.mouse.move(point.x - 2, point.y);
  await page.mouse.move(point.x, point.y, { steps: 3 });
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout });
  // Wait for the content to settle ("Loading..." first).
  const deadline = Date.now() + timeout;
  let text = '';
  for (;;) {
    text = normalizeText(await hover.innerText().catch(() => ''));
    if (text.trim() && !/^Loading/.test(text.trim())) break;
    if (Date.now() > deadline) break;
    await page.waitForTimeout(100);
  }
  return text;
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns its rows' text (normalised). */
async function openProblems(page, { timeout = 20000, minRows = 1 } = {}) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click().catch(() => {});
    await page.keyboard.press('Control+Shift+M');
  }
  await panel.waitFor({ state: 'visible', timeout });
  const rows = page.locator('.markers-panel .monaco-list-row');
  if (minRows > 0) await rows.nth(minRows - 1).waitFor({ state: 'visible', timeout });
  return (await rows.allInnerTexts()).map((t) => normalizeText(t).replace(/\s*\n\s*/g, ' ').trim());
}

/** Saves a PNG of the whole page to file (folders made as needed); returns the path. */
async function screenshot(page, file) {
  const abs = path.resolve(file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  await page.screenshot({ path: abs });
  return abs;
}

/** A locator's text with U+00A0 normalised. */
async function readText(locator) {
  return normalizeText(await locator.innerText());
}

module.exports = {
  openWorkbench, clickExplorerFile, explorerRow, waitFor, hoverWord, openProblems, screenshot,
  editorText, readText, normalizeText,
};
