'use strict';
// A seeded backlog of linked items for backlog.js: epics → features → stories,
// the three ways real backlogs link them, in about equal parts:
//   folders:  portfolio/EPIC-0001-…/FEAT-0001-…/US-00001-….md (the folder names the parent)
//   fields:   epics/, features/, stories/ files whose Parent field names the parent
//             by id, by a relative link or by the parent's title
//   sections: an epic file with a `## FEAT-…` section per feature and a `### US-…`
//             section per story
// and a few broken parents, stories under epics and duplicate ids, so the
// graph rules have findings to make, as in a real backlog.

const fs = require('node:fs');
const path = require('node:path');
const { createRng } = require('./corpus');

const PERSONAS = ['shopper', 'support agent', 'finance analyst', 'new customer', 'administrator', 'partner developer', 'store manager'];
const WANTS = ['saved cards', 'multi-currency refunds', 'one-click reorder', 'invoice PDFs', 'account recovery', 'a spending report', 'webhook retries', 'consent records', 'delivery slots', 'gift cards'];
const BENEFITS = ['I pay faster', 'fewer tickets need a person', 'I can trust the numbers', 'I find my orders', 'audits pass first time', 'I plan my week'];
const CLAUSES = ['the card is stored as a token', 'the total matches the ledger', 'the customer gets an email', 'the old flow still works', 'an error names the field'];
const POS = ['Bob Stone', 'Eva Novak', 'PO', 'Product Owner'];
const WORDS = ['ledger', 'checkout', 'refund', 'wallet', 'basket', 'invoice', 'consent', 'slot', 'search', 'report', 'voucher', 'payout'];

const pad = (n, width) => String(n).padStart(width, '0');

function slug(rng) {
  return `${rng.pick(WORDS)}-${rng.pick(WORDS)}`;
}

function title(rng, n) {
  const words = slug(rng).split('-');
  return `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words[1]} ${n}`;
}

function voice(rng) {
  return `As a ${rng.pick(PERSONAS)}, I want ${rng.pick(WANTS)} so that ${rng.pick(BENEFITS)}.`;
}

function criteria(rng, count) {
  return Array.from({ length: count }, () => `- Given a ${rng.pick(PERSONAS)}, when they ask for ${rng.pick(WANTS)}, then ${rng.pick(CLAUSES)}.`);
}

function notes(rng) {
  return ['## Notes', '', `Split from the ${rng.pick(WANTS)} work at refinement; see the System Demo of iteration ${rng.int(1, 12)}.`,
    `Depends on the ${rng.pick(WORDS)} service being able to ${rng.pick(['retry', 'page', 'cache', 'stream'])} its results.`];
}

function epicText(rng, id, name, frontMatter) {
  const head = frontMatter ? ['---', 'type: epic', `id: ${id}`, 'owner: Epic Owner', 'status: Implementing', '---', ''] : [];
  return [...head, `# Epic: ${name}`, '', '## Epic Hypothesis Statement', '',
    `For ${rng.pick(PERSONAS)}s who need ${rng.pick(WANTS)}, the ${name} epic is a platform change that ${rng.pick(CLAUSES)}.`,
    `Unlike today, ${rng.pick(BENEFITS)}.`, '', '## Business Outcomes', '', ...criteria(rng, 3), '', '## Leading Indicators', '', ...criteria(rng, 2), ''].join('\n');
}

function featureText(rng, name, fields) {
  const head = fields.length ? ['---', 'type: feature', ...fields, 'accepted-by: Product Management', '---', ''] : [];
  return [...head, `# Feature: ${name}`, '', `We need ${rng.pick(WANTS)} for the ${rng.pick(WORDS)} flow.`, '',
    '## Benefit Hypothesis', '', `We believe that ${rng.pick(WANTS)} will mean ${rng.pick(BENEFITS)}.`, '',
    '## Acceptance Criteria', '', ...criteria(rng, rng.int(3, 6)), ''].join('\n');
}

function storyText(rng, name, fields, bodyParent) {
  const head = fields.length ? ['---', 'type: story', ...fields, `accepted-by: ${rng.pick(POS)}`, `points: ${rng.int(1, 8)}`, '---', ''] : [];
  const parentLine = bodyParent ? [`**Parent:** ${bodyParent}`, ''] : [];
  return [...head, `# Story: ${name}`, '', ...parentLine, voice(rng), '', '## Acceptance Criteria', '', ...criteria(rng, rng.int(2, 5)), '',
    ...(rng.chance(0.5) ? [...notes(rng), ''] : [])].join('\n');
}

/**
 * Writes `items` linked items under `dir` (seeded) and returns counts. A
 * story in twenty points at its parent in a way that fails now and then.
 */
function writeBacklog(dir, { items = 20000, seed = 7 } = {}) {
  const rng = createRng(seed);
  const files = [];
  const counts = { epics: 0, features: 0, stories: 0, files: 0, lines: 0, bytes: 0 };
  const write = (file, text) => {
    files.push(file);
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    counts.files++;
    counts.lines += text.split('\n').length - 1;
    counts.bytes += Buffer.byteLength(text);
  };
  const total = () => counts.epics + counts.features + counts.stories;
  let epicN = 0;
  let featN = 0;
  let storyN = 0;
  // A parent that goes wrong: a missing id, or (a story under an epic) the wrong type.
  const broken = (epicId) => (rng.chance(0.5) ? `FEAT-${pad(90000 + rng.int(0, 999), 4)}` : epicId);

  while (total() < items) {
    const shape = epicN % 3;
    const epicId = `EPIC-${pad(++epicN, 4)}`;
    const epicName = title(rng, epicN);
    counts.epics++;
    const features = rng.int(6, 10);
    if (shape === 0) {
      // Folders: each file in the folder of its parent.
      const epicDir = `portfolio/${epicId}-${slug(rng)}`;
      write(`${epicDir}/${path.basename(epicDir)}.md`, epicText(rng, epicId, epicName, false));
      for (let f = 0; f < features && total() < items; f++) {
        const featId = `FEAT-${pad(++featN, 4)}`;
        const featDir = `${epicDir}/${featId}-${slug(rng)}`;
        write(`${featDir}/${path.basename(featDir)}.md`, featureText(rng, title(rng, featN), []));
        counts.features++;
        for (let s = rng.int(8, 12); s > 0 && total() < items; s--) {
          const storyId = `US-${pad(++storyN, 5)}`;
          const bad = rng.chance(0.01);
          write(`${featDir}/${storyId}-${slug(rng)}.md`, storyText(rng, title(rng, storyN), [], bad ? broken(epicId) : undefined));
          counts.stories++;
        }
      }
    } else if (shape === 1) {
      // Parent fields: by id, by a relative link to the parent's file, or by its exact title.
      const epicFile = `epics/${epicId.toLowerCase()}-${slug(rng)}.md`;
      write(epicFile, epicText(rng, epicId, epicName, true));
      for (let f = 0; f < features && total() < items; f++) {
        const featId = `FEAT-${pad(++featN, 4)}`;
        const featName = title(rng, featN);
        const featFile = `features/${featId.toLowerCase()}-${slug(rng)}.feature.md`;
        write(featFile, featureText(rng, featName, [`id: ${featId}`, `parent: ${epicId}`]));
        counts.features++;
        for (let s = rng.int(8, 14); s > 0 && total() < items; s--) {
          const storyId = `US-${pad(++storyN, 5)}`;
          const form = rng.next();
          const parent = rng.chance(0.01) ? broken(epicId) : form < 0.6 ? featId : form < 0.85 ? `"[${featId}](../${featFile})"` : `"${featName}"`;
          // One story in a hundred reuses an id, as copied files do.
          const id = rng.chance(0.01) && storyN > 1 ? `US-${pad(storyN - 1, 5)}` : storyId;
          write(`stories/${storyId.toLowerCase()}-${slug(rng)}.story.md`, storyText(rng, title(rng, storyN), [`id: ${id}`, `parent: ${parent}`]));
          counts.stories++;
        }
      }
    } else {
      // Sections: one epic file holding its features and their stories.
      const lines = [epicText(rng, epicId, epicName, true)];
      for (let f = 0; f < features && total() < items; f++) {
        const featId = `FEAT-${pad(++featN, 4)}`;
        lines.push(`## ${featId}: ${title(rng, featN)}`, '', `We need ${rng.pick(WANTS)}.`, '', '**Benefit Hypothesis:** we believe it pays.', '');
        counts.features++;
        for (let s = rng.int(8, 14); s > 0 && total() < items; s--) {
          const storyId = `US-${pad(++storyN, 5)}`;
          lines.push(`### ${storyId}: ${title(rng, storyN)}`, '', voice(rng), '', `**Accepted by:** ${rng.pick(POS)}`, '', '**Acceptance Criteria:**', '', ...criteria(rng, rng.int(2, 4)), '');
          counts.stories++;
        }
      }
      write(`epics/${epicId.toLowerCase()}-${slug(rng)}.epic.md`, `${lines.join('\n')}\n`);
    }
  }
  return { ...counts, items: total(), list: files };
}

module.exports = { writeBacklog };
