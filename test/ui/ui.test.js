// UI-level check of the extension in the VS Code workbench (code-server 1.139 in
// Chromium), as a person sees it: open the examples/ backlog, click the feature a
// Product Owner "accepts", see the squiggle, hover "PO", open Problems.
// Run by scripts/test-ui.js (npm run test:ui), once per extension host:
//   node: the Node extension host; saves docs/images/{squiggle,hover,problems,table-row,backlog}.png
//   web:  the web-worker extension host (the browser build, as on vscode.dev)
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const ui = require('../../scripts/e2e/ui');

const ROOT = path.resolve(__dirname, '..', '..');
const WRONG_ROLE_FILE = 'features/reorder-from-history.feature.md';
const WRONG_ROLE_MESSAGE = 'Product Owners accept stories, not features';
// The warnings of examples/ (see examples/README.md); file rows and finding rows alternate in Problems.
const WORKSPACE_PROBLEMS = [
  WRONG_ROLE_MESSAGE,
  'This feature has no Benefit Hypothesis section',
  '"Project Manager" is not a SAFe role',
  'This story has no Acceptance Criteria section',
  'Alice Chen is listed as Product Management',
  'sprint-14-backlog.md', // its row ST-142, which Product Management "accepts"
  'names FEAT-105 as its parent', // the backlog graph: a parent id no item has
];
const TABLE_FILE = 'sprints/sprint-14-backlog.md';
const VIEWPORT = { width: 1280, height: 800 };
// What a README reader should see: no minimap noise, a steady cursor, no chat or tips.
const USER_SETTINGS = {
  'editor.minimap.enabled': false,
  'editor.fontSize': 15,
  'editor.cursorBlinking': 'solid',
  'editor.hover.delay': 300,
  'workbench.tips.enabled': false,
  'workbench.editor.enablePreview': false,
  'breadcrumbs.enabled': true,
  'window.commandCenter': true,
  'remote.autoForwardPorts': false,
};

/** Runs a command by its title through the command palette (F1). */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
}

/** Closes every notification toast and the notification centre, so screenshots show only the editor. */
async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notification-toast').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/** Removes the hover and the mouse from the editor (a screenshot without a stray card). */
async function dismissHover(page) {
  await page.mouse.move(640, 790);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .monaco-hover:not(.hidden)').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/** Drags the sash above the panel so the panel's top edge sits at y = top (pixels from the page top). */
/** Drags the sash right of the side bar so that it ends at `right` pixels. */
async function widenSideBar(page, right) {
  const from = await page.evaluate(() => {
    const bar = document.querySelector('.part.sidebar');
    if (!bar) return null;
    const edge = bar.getBoundingClientRect().right;
    for (const sash of document.querySelectorAll('.monaco-sash.vertical')) {
      const r = sash.getBoundingClientRect();
      const mid = r.left + r.width / 2;
      if (r.height > 100 && Math.abs(mid - edge) < 6) return { x: mid, y: r.top + r.height / 2 };
    }
    return null;
  });
  if (!from) return; // the layout has no such sash: keep the default width
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(right, from.y, { steps: 8 });
  await page.mouse.up();
}

async function resizePanel(page, top) {
  const from = await page.evaluate(() => {
    const panel = document.querySelector('.part.panel');
    if (!panel) return null;
    const panelTop = panel.getBoundingClientRect().top;
    for (const sash of document.querySelectorAll('.monaco-sash.horizontal')) {
      const r = sash.getBoundingClientRect();
      const mid = r.top + r.height / 2;
      if (r.width > 100 && Math.abs(mid - panelTop) < 6) return { x: r.left + r.width / 2, y: mid };
    }
    return null;
  });
  if (!from) throw new Error('resizePanel: no sash above the panel');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, top, { steps: 8 });
  await page.mouse.up();
}

/** Whether the remote (Node) extension host's log records the activation of this extension. */
function activatedInNodeHost(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  const files = fs.existsSync(logs) ? fs.readdirSync(logs, { recursive: true }).map(String).filter((f) => f.endsWith('remoteexthost.log')) : [];
  return files.some((f) => /_doActivateExtension agile-artifacts\.agile-artifacts\b/.test(fs.readFileSync(path.join(logs, f), 'utf8')));
}

/**
 * Opens the workbench on a copy of examples/ with the extension installed, runs the
 * checks, and saves screenshots into screenshotDir (when given).
 * @param {object} o
 * @param {'node'|'web'} o.host
 * @param {string} o.workspaceFolder  a copy of examples/
 * @param {string} [o.screenshotDir]  where squiggle.png, hover.png and problems.png go
 * @param {string} [o.failureShot]    where a screenshot of the page goes when a check fails
 * @param {(msg:string) => void} [o.log]
 */
async function runUiChecks(o) {
  const log = o.log || (() => {});
  const shot = async (page, name) => {
    if (!o.screenshotDir) return;
    const file = await ui.screenshot(page, path.join(o.screenshotDir, name));
    log(`screenshot ${path.relative(process.cwd(), file)}`);
  };
  const wb = await ui.openWorkbench({
    extensionPath: ROOT,
    load: 'link', // installed, as a user has it (no "Extension Development Host" state)
    workspaceFolder: o.workspaceFolder,
    web: o.host === 'web',
    userSettings: USER_SETTINGS,
    viewport: VIEWPORT,
  });
  const { page } = wb;
  try {
    log('workbench open');
    await clearNotifications(page);

    // 1. The feature that a Product Owner "accepts": a warning squiggle under PO.
    await ui.clickExplorerFile(page, WRONG_ROLE_FILE);
    const squiggle = await ui.waitFor(page, '.editor-group-container.active .squiggly-warning', { timeout: 30000 })
      .catch(() => assert.fail(`no warning squiggle appeared in ${WRONG_ROLE_FILE} within 30 s`));
    const box = await squiggle.boundingBox();
    assert.ok(box && box.width > 0, 'the warning squiggle has no size');
    const text = await ui.editorText(page);
    assert.match(text, /\*\*Accepted by:\*\* PO/, `the editor does not show the "Accepted by: PO" line:\n${text}`);
    log('squiggle under "PO" shown');
    // The backlog index is built in the background; once it is, a CodeLens above the heading
    // counts the feature's stories (and moves the lines below it down: wait before hovering).
    await ui.waitFor(page, '.editor-group-container.active .codelens-decoration', { timeout: 30000 })
      .catch(() => assert.fail(`no CodeLens ("N stories") appeared above the feature in ${WRONG_ROLE_FILE} within 30 s`));
    log(`CodeLens shown: ${await page.locator('.editor-group-container.active .codelens-decoration').first().innerText()}`);
    await clearNotifications(page); // any that appeared while the extension started
    await dismissHover(page);
    await shot(page, 'squiggle.png');

    // 2. Hovering PO explains who accepts what.
    const hover = await ui.hoverWord(page, 'PO');
    assert.ok(hover.includes(WRONG_ROLE_MESSAGE),
      `the hover over "PO" does not say "${WRONG_ROLE_MESSAGE}"; it says:\n${hover}`);
    assert.match(hover, /Product Management accepts features/, `the hover does not name who accepts features:\n${hover}`);
    log('hover over "PO" explains the rule');
    await shot(page, 'hover.png');
    await dismissHover(page);

    // 3. Problems panel (Ctrl+Shift+M) lists the wrong-role warning.
    const rows = await ui.openProblems(page);
    const row = rows.find((r) => r.includes(WRONG_ROLE_MESSAGE));
    assert.ok(row, `no Problems row says "${WRONG_ROLE_MESSAGE}"; rows:\n${rows.join('\n')}`);
    assert.match(row, /wrong-role/, `the Problems row does not name the rule id wrong-role: ${row}`);
    log(`Problems panel row: ${row}`);

    // 4. "Lint all artifacts in the workspace" fills Problems with the other deliberate
    // mistakes (hints such as outdated-term are not listed there).
    await runCommand(page, 'Agile Artifacts: Lint all artifacts in the workspace');
    await ui.openProblems(page);
    await resizePanel(page, 250); // room for every row: the list only renders what is in view
    await ui.openProblems(page, { minRows: WORKSPACE_PROBLEMS.length * 2 });
    // The workspace lint and the backlog index fill the panel file by file: wait until every expected row is in.
    await page.waitForFunction((expected) => {
      const text = document.querySelector('.markers-panel')?.textContent ?? '';
      return expected.every((line) => text.includes(line));
    }, WORKSPACE_PROBLEMS, { timeout: 30000 }).catch(() => {});
    const all = await ui.openProblems(page, { minRows: WORKSPACE_PROBLEMS.length * 2 });
    for (const expected of WORKSPACE_PROBLEMS) {
      assert.ok(all.some((r) => r.includes(expected)), `after linting the workspace no Problems row says "${expected}"; rows:\n${all.join('\n')}`);
    }
    log(`Problems panel after "Lint all artifacts": ${all.length} rows`);
    await page.locator('.markers-panel .monaco-list-row').filter({ hasText: WRONG_ROLE_MESSAGE }).first().click();
    await clearNotifications(page);
    await shot(page, 'problems.png');
    await resizePanel(page, 440); // the editor gets its room back for the table below

    // 5. A sprint page's table: each row is a story, and the row Product Management "accepts" is underlined.
    await ui.clickExplorerFile(page, TABLE_FILE);
    await ui.waitFor(page, '.editor-group-container.active .squiggly-warning', { timeout: 30000 })
      .catch(() => assert.fail(`no warning squiggle appeared in ${TABLE_FILE} within 30 s`));
    assert.match(await ui.editorText(page), /ST-142/, `the editor does not show ${TABLE_FILE}`);
    log('squiggle on the table row shown');
    await clearNotifications(page);
    await dismissHover(page);
    await shot(page, 'table-row.png');

    // 6. The Backlog view (its own activity-bar container): the examples' epic with its features
    // and stories, across files, each row with its id.
    await runCommand(page, 'Agile Artifacts: Focus on Backlog View');
    const backlogRows = page.locator('.pane-body .monaco-list-row').filter({ has: page.locator('.codicon-rocket, .codicon-package, .codicon-bookmark') });
    await backlogRows.nth(2).waitFor({ state: 'visible', timeout: 30000 })
      .catch(() => assert.fail('the Backlog view did not show an epic with items under it within 30 s'));
    const backlogTexts = await backlogRows.allInnerTexts();
    assert.ok(backlogTexts.some((text) => /FEAT-|US-|EPIC-|ST-/.test(text)), `the Backlog view shows no item id; rows:\n${backlogTexts.join('\n')}`);
    log(`Backlog view: ${backlogTexts.length} rows`);
    // A click on a feature opens it at its heading, where a CodeLens counts its stories.
    await runCommand(page, 'View: Toggle Panel Visibility');
    await widenSideBar(page, 520);
    await backlogRows.filter({ hasText: 'Reorder from order history' }).first().click();
    await ui.waitFor(page, '.editor-group-container.active .codelens-decoration', { timeout: 30000 })
      .catch(() => assert.fail('clicking the feature in the Backlog view did not open it with its CodeLens within 30 s'));
    assert.match(await ui.editorText(page), /Reorder from order history/, 'the click did not open the feature');
    await clearNotifications(page);
    await dismissHover(page);
    await shot(page, 'backlog.png');

    // 7. The checks ran in the intended host: the Node host logs activations on the server.
    const inNodeHost = activatedInNodeHost(wb.cs.userDataDir);
    assert.equal(inNodeHost, o.host === 'node',
      `the extension ran in the ${inNodeHost ? 'Node' : 'web-worker'} extension host, not in the ${o.host} one`);
    log(`extension ran in the ${inNodeHost ? 'Node' : 'web-worker'} extension host`);
  } catch (e) {
    if (o.failureShot) {
      await ui.screenshot(page, o.failureShot).catch(() => {});
      e.message += `\n(screenshot of the page: ${path.relative(process.cwd(), o.failureShot)})`;
    }
    throw e;
  } finally {
    await wb.close();
  }
}

/** A fresh copy of examples/ named "examples" (the name the Explorer shows), outside the repository. */
function copyExamples(tmpRoot) {
  const dir = path.join(fs.mkdtempSync(path.join(tmpRoot, 'agile-artifacts-ui-')), 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

module.exports = { runUiChecks, copyExamples, WRONG_ROLE_FILE, WRONG_ROLE_MESSAGE };
