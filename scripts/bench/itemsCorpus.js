'use strict';
// Seeded backlog files in the shapes of issue 8, for items.js: an epic with one
// `## US n.m: …` section per story, and a product backlog with one story per row.

const { createRng } = require('./corpus');

const PERSONAS = ['shopper', 'support agent', 'finance analyst', 'new customer', 'administrator', 'partner developer'];
const WANTS = ['saved cards', 'multi-currency refunds', 'one-click reorder', 'invoice PDFs', 'account recovery', 'a spending report', 'webhook retries', 'consent records'];
const BENEFITS = ['I pay faster', 'fewer tickets need a person', 'I can trust the numbers', 'I find my orders', 'audits pass first time'];
const ACCEPTERS = ['Product Owner', 'PO', 'Product Owner (Payments)', 'Alice Chen, Product Owner'];
const CLAUSES = ['the card is stored as a token', 'the total matches the ledger', 'the customer gets an email', 'the old flow still works', 'an error names the field'];

function voice(rng) {
  return `As a ${rng.pick(PERSONAS)}, I want ${rng.pick(WANTS)} so that ${rng.pick(BENEFITS)}.`;
}

function criterion(rng) {
  return `Given a ${rng.pick(PERSONAS)}, when they ask for ${rng.pick(WANTS)}, then ${rng.pick(CLAUSES)}`;
}

/** A `targetLines`-line epic (front matter, hypothesis) holding `stories` story sections, each with voice, fields and acceptance criteria. */
function epicText({ targetLines = 1000, stories = 50, seed = 8 } = {}) {
  const rng = createRng(seed);
  const head = ['---', 'id: EPIC-10', 'type: epic', 'title: "Unified payments"', 'owner: Epic Owner', 'accepted-by: Lean Portfolio Management', '---', '',
    '# Epic 10: Unified payments', '', '## Hypothesis Statement', '', 'We believe one payments platform for every channel will halve failed checkouts.', ''];
  const perStory = Math.floor((targetLines - head.length) / stories);
  const lines = [...head];
  for (let s = 1; s <= stories; s++) {
    const story = [`## US 10.${s}: ${rng.pick(WANTS)}`, '', voice(rng), '', `**Accepted by:** ${rng.pick(ACCEPTERS)}`, `**Story points:** ${rng.int(1, 8)}`, '', '### Acceptance Criteria', ''];
    const tail = ['', '### Notes', '', `Split from the ${rng.pick(WANTS)} work; see the System Demo.`, ''];
    while (story.length + tail.length < perStory) story.push(`- [${rng.chance(0.3) ? 'x' : ' '}] ${criterion(rng)}`);
    lines.push(...story, ...tail);
  }
  while (lines.length < targetLines) lines.push('');
  return `${lines.join('\n')}\n`;
}

/** A product backlog page: one table, one story per row (`| ID | User Story | Accepted By | Acceptance Criteria |`). */
function backlogTableText({ rows = 2000, seed = 9 } = {}) {
  const rng = createRng(seed);
  const lines = ['# Product backlog', '', 'Stories for the next Planning Interval, highest value first.', '',
    '| ID | User Story | Accepted By | Acceptance Criteria |', '|----|------------|-------------|---------------------|'];
  for (let r = 1; r <= rows; r++) {
    // A few empty criteria cells: the row check has findings to make, as in a real backlog.
    const criteria = rng.chance(0.05) ? '' : `${criterion(rng)}<br>${criterion(rng)}`;
    lines.push(`| US-${r} | ${voice(rng)} | ${rng.pick(ACCEPTERS)} | ${criteria} |`);
  }
  return `${lines.join('\n')}\n`;
}

module.exports = { epicText, backlogTableText };
