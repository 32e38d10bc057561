'use strict';
// Deterministic generator of realistic SAFe backlog files for the benchmark.
// Seeded so two runs (and two machines) time the same bytes; varied in layout
// (front matter, body fields, tables, blockquotes) because the engine's cost
// depends on which parsing paths a file takes, not only on its size.

const fs = require('node:fs');
const path = require('node:path');

/** Small, fast, seedable PRNG (mulberry32); Math.random cannot be seeded. */
function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const WORDS = {
  subjects: ['The checkout service', 'The payments gateway', 'Our onboarding flow', 'The reporting module', 'The mobile app', 'The partner API', 'The search index', 'The billing engine', 'The identity provider', 'The notification hub'],
  verbs: ['needs to support', 'should expose', 'must validate', 'will replace', 'currently duplicates', 'depends on', 'aggregates', 'publishes', 'caches', 'reconciles'],
  objects: ['multi-currency refunds', 'the nightly settlement batch', 'consent records', 'audit events', 'account recovery', 'rate-limited webhooks', 'invoice PDFs', 'customer segments', 'feature toggles', 'latency budgets'],
  clauses: ['so that support tickets drop', 'without a maintenance window', 'before the next Planning Interval', 'in line with the compliance review', 'as agreed in the System Demo', 'for every Agile Release Train', 'behind a feature flag', 'with no change to the public contract'],
  names: ['Alice Chen', 'Bob Stone', 'Adam Nowak', 'Maria Garcia', 'Wei Zhang', 'Priya Patel', 'Tom Becker', 'Sara Lind'],
  teams: ['Falcons', 'Otters', 'Payments Team', 'platform_ops_team', 'Mobile Squad'],
  placeholders: ['TBD', '—', 'Unassigned', '""'],
  personas: ['shopper', 'support agent', 'finance analyst', 'new customer', 'administrator', 'partner developer'],
  tags: ['payments', 'mobile', 'compliance', 'ux', 'platform', 'data'],
  langs: ['json', 'yaml', 'ts', 'sql', 'bash'],
};

const KINDS = [
  // [kind, weight, type value, file suffix, H1 prefix]
  ['feature', 30, 'feature', '.feature.md', 'Feature:'],
  ['story', 38, 'story', '.story.md', 'Story:'],
  ['enabler', 12, 'enabler-feature', '.enabler.md', 'Enabler Feature:'],
  ['epic', 8, 'epic', '.epic.md', 'Epic:'],
  ['capability', 12, 'capability', '.capability.md', 'Capability:'],
];

// Who does what, right and wrong; the wrong ones are the deliberate mistakes.
const ROLES = {
  feature: { accepted: 'Product Management', owner: 'Product Management', wrong: ['PO', 'Product Owner', 'Project Manager'] },
  story: { accepted: 'Product Owner', owner: 'PO', wrong: ['Product Management', 'PM', 'Prodcut Owner'] },
  enabler: { accepted: 'Product Management', owner: 'System Architect', wrong: ['PO', 'Scrum Master'] },
  epic: { accepted: 'Lean Portfolio Management', owner: 'Epic Owner', wrong: ['Product Owner', 'Program Manager'] },
  capability: { accepted: 'Solution Management', owner: 'Solution Management', wrong: ['Product Owner', 'POPM'] },
};

const REQUIRED = {
  feature: ['Benefit Hypothesis', 'Acceptance Criteria'],
  story: ['Acceptance Criteria'],
  enabler: ['Benefit Hypothesis', 'Acceptance Criteria'],
  epic: ['Hypothesis Statement'],
  capability: ['Benefit Hypothesis', 'Acceptance Criteria'],
};

const OUTDATED = ['Program Increment', 'Program Backlog', 'Program PI Objectives', 'program board'];

function sentence(rng) {
  return `${rng.pick(WORDS.subjects)} ${rng.pick(WORDS.verbs)} ${rng.pick(WORDS.objects)} ${rng.pick(WORDS.clauses)}.`;
}

function paragraph(rng, lines, extraTerm) {
  const out = [];
  for (let i = 0; i < lines; i++) {
    const parts = [];
    for (let s = rng.int(1, 3); s > 0; s--) parts.push(sentence(rng));
    out.push(parts.join(' '));
  }
  if (extraTerm) out[0] += ` This was planned in the last ${extraTerm}.`;
  return out;
}

function list(rng, items, checkbox) {
  const out = [];
  for (let i = 0; i < items; i++) out.push(`${checkbox ? `- [${rng.chance(0.3) ? 'x' : ' '}] ` : '- '}${sentence(rng)}`);
  return out;
}

function table(rng, rows) {
  const out = ['| Metric | Baseline | Target | Owner |', '|---|---|---|---|'];
  for (let i = 0; i < rows; i++) {
    out.push(`| ${rng.pick(WORDS.objects)} | ${rng.int(1, 99)}% | ${rng.int(1, 99)}% | ${rng.pick(WORDS.names)} |`);
  }
  return out;
}

function codeBlock(rng, lines) {
  const lang = rng.pick(WORDS.langs);
  // A role-looking line inside a fence must not count as a field; it exercises that path.
  const out = ['```' + lang, 'accepted-by: PO  # inside a fence, not a field'];
  for (let i = 1; i < lines; i++) out.push(`  step_${i}: ${rng.pick(WORDS.objects).replace(/ /g, '_')}`);
  out.push('```');
  return out;
}

/** One filler block of 2–9 lines, as real items mix them. */
function filler(rng, outdated) {
  const roll = rng.next();
  const block = roll < 0.4 ? paragraph(rng, rng.int(1, 3), outdated) : roll < 0.65 ? list(rng, rng.int(2, 6), rng.chance(0.3)) : roll < 0.85 ? table(rng, rng.int(2, 5)) : codeBlock(rng, rng.int(2, 6));
  return [...block, ''];
}

function userVoice(rng) {
  const style = rng.int(0, 2);
  const persona = rng.pick(WORDS.personas);
  const want = rng.pick(WORDS.objects);
  if (style === 0) return [`As a ${persona}, I want ${want} so that I can finish my work faster.`];
  if (style === 1) return [`**As a** ${persona}`, `**I want** ${want}`, `**so that** fewer requests need manual review.`];
  return [`As an ${persona}, I need ${want}, so I can trust the numbers.`];
}

/** A field line in one of the body layouts real files use. */
function bodyField(rng, style, key, value) {
  switch (style) {
    case 0: return `**${key}:** ${value}`;
    case 1: return `- ${key}: ${value}`;
    case 2: return `> **${key}:** ${value}`;
    default: return `${key}: ${value}`;
  }
}

/**
 * One artifact of the given kind and about `targetLines` lines.
 * `mistake` names the deliberate error, if any: wrong-role, missing-section,
 * outdated-term, unknown-role, enabler-type, frontmatter-syntax, unknown-type.
 */
function artifactText(rng, { kind, targetLines, id, mistake, detection }) {
  const meta = KINDS.find((k) => k[0] === kind);
  const roles = ROLES[kind];
  const title = `${rng.pick(WORDS.objects)} for ${rng.pick(WORDS.tags)}`.replace(/^./, (c) => c.toUpperCase());
  const acceptor = mistake === 'wrong-role' ? rng.pick(roles.wrong) : mistake === 'unknown-role' ? rng.pick(['Prodcut Owner', 'Project Manager', 'Senior Engineer 1']) : roles.accepted;
  const owner = rng.chance(0.3) ? rng.pick(WORDS.names) : rng.chance(0.2) ? rng.pick(WORDS.placeholders) : roles.owner;
  const enablerKind = mistake === 'enabler-type' ? rng.pick(['refactoring', 'tech debt', 'research']) : rng.pick(['exploration', 'architectural', 'infrastructure', 'compliance']);
  const lines = [];

  if (detection === 'frontmatter') {
    const type = mistake === 'unknown-type' ? 'initiative' : meta[2];
    lines.push('---', `id: ${kind.toUpperCase().slice(0, 3)}-${id}`, `type: ${type}`, `title: "${title}"`);
    if (kind === 'enabler') lines.push(`enabler: ${enablerKind}`);
    lines.push(`owner: ${owner}`, `accepted-by: ${acceptor}`);
    if (rng.chance(0.4)) lines.push(`prioritized-by: ${kind === 'story' ? 'Product Owner' : 'Product Management'}`);
    if (rng.chance(0.5)) lines.push('tags:', ...rng.pick([['  - payments', '  - q3'], ['  - mobile'], ['  - platform', '  - risk', '  - audit']]));
    if (mistake === 'frontmatter-syntax') lines.push('estimate: [3, 5');
    lines.push(`status: ${rng.pick(['draft', 'ready', 'in progress', 'done'])}`, '---', '', `# ${title}`, '');
  } else {
    const h1 = detection === 'heading' ? `# ${meta[4]} ${title}` : `# ${title}`;
    lines.push(h1, '');
    const style = rng.int(0, 4);
    if (style === 4) {
      lines.push('| Field | Value |', '|---|---|', `| Owner | ${owner} |`, `| Accepted by | ${acceptor} |`, `| Status | ${rng.pick(['Draft', 'Ready'])} |`);
      if (kind === 'enabler') lines.push(`| Enabler | ${enablerKind} |`);
    } else {
      lines.push(bodyField(rng, style, 'Owner', owner), bodyField(rng, style, 'Accepted-By', acceptor));
      if (kind === 'enabler') lines.push(bodyField(rng, style, 'Enabler', enablerKind));
    }
    lines.push('');
  }

  // Story voice first, as most teams write it; a missing one is a story-format finding.
  if (kind === 'story' && !(mistake === 'missing-section' && rng.chance(0.5))) lines.push(...userVoice(rng), '');
  lines.push('## Description', '', ...paragraph(rng, rng.int(1, 3), mistake === 'outdated-term' ? rng.pick(OUTDATED) : undefined), '');

  const required = REQUIRED[kind];
  const dropped = mistake === 'missing-section' ? rng.pick(required) : undefined;
  for (const section of required) {
    if (section === dropped) continue;
    if (rng.chance(0.2)) lines.push(`**${section}:**`);
    else lines.push(`## ${section}`, '');
    if (section.includes('Hypothesis')) lines.push(`We believe that ${title.toLowerCase()} will result in ${rng.int(5, 40)}% fewer manual steps.`, '');
    else lines.push(...list(rng, rng.int(3, 6), true), '');
  }

  // Pad with the mix of prose, lists, tables and code real items carry.
  let section = 0;
  fillTo(lines, targetLines, rng, () => [
    ...(rng.chance(0.3) ? [`## ${rng.pick(['Notes', 'Dependencies', 'Risks', 'Metrics', 'Design', 'Open questions'])} ${++section}`, ''] : []),
    ...filler(rng),
  ]);
  return `${lines.join('\n')}\n`;
}

/**
 * Appends blocks while they fit, then single prose lines up to exactly
 * `target` lines: cutting a block instead could leave a fence open and turn
 * the rest of the file into code.
 */
function fillTo(lines, target, rng, makeBlock) {
  for (;;) {
    const block = makeBlock();
    if (lines.length + block.length > target) break;
    lines.push(...block);
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  while (lines.length < target) lines.push(sentence(rng));
}

const MISTAKES = ['wrong-role', 'wrong-role', 'missing-section', 'missing-section', 'outdated-term', 'outdated-term', 'unknown-role', 'enabler-type', 'frontmatter-syntax', 'unknown-type'];

function pickKind(rng) {
  const total = KINDS.reduce((sum, k) => sum + k[1], 0);
  let roll = rng.next() * total;
  for (const k of KINDS) if ((roll -= k[1]) < 0) return k;
  return KINDS[0];
}

/**
 * Writes `count` artifacts of 20–80 lines into `dir`, spread over team folders
 * (real repositories nest them). About one in four carries a deliberate mistake.
 * Returns { files, lines, bytes }.
 */
function writeCorpus(dir, { count = 2000, seed = 42 } = {}) {
  const rng = createRng(seed);
  let lines = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const [kind, , , suffix] = pickKind(rng);
    const roll = rng.next();
    const detection = roll < 0.6 ? 'frontmatter' : roll < 0.8 ? 'suffix' : 'heading';
    let mistake = rng.chance(0.25) ? rng.pick(MISTAKES) : undefined;
    if (mistake === 'enabler-type' && kind !== 'enabler') mistake = 'wrong-role';
    if ((mistake === 'frontmatter-syntax' || mistake === 'unknown-type') && detection !== 'frontmatter') mistake = 'outdated-term';
    const text = artifactText(rng, { kind, targetLines: rng.int(20, 80), id: i + 1, mistake, detection });
    const folder = path.join(dir, `art-${i % 4}`, `team-${i % 25}`);
    fs.mkdirSync(folder, { recursive: true });
    const base = `${kind}-${String(i + 1).padStart(4, '0')}`;
    fs.writeFileSync(path.join(folder, detection === 'suffix' ? `${base}${suffix}` : `${base}.md`), text);
    lines += text.split('\n').length - 1;
    bytes += Buffer.byteLength(text);
  }
  return { files: count, lines, bytes };
}

/**
 * One long feature: front matter and many sections, lists, tables and prose,
 * with a few outdated terms and role mentions spread through it so every
 * check has work to do across the whole file.
 */
function longFeatureText(targetLines, seed = 7) {
  const rng = createRng(seed);
  const lines = ['---', 'id: FEAT-9000', 'type: feature', 'title: "Unified settlement platform"', 'owner: Product Management',
    'accepted-by: Product Management', 'prioritized-by: Product Management', 'tags:', '  - payments', '  - platform', 'status: in progress', '---', '',
    '# Unified settlement platform', '', '## Benefit Hypothesis', '', 'We believe that one settlement platform will result in 30% fewer reconciliation incidents.', '',
    '## Acceptance Criteria', '', ...list(rng, 8, true), ''];
  let section = 0;
  fillTo(lines, targetLines, rng, () => {
    section++;
    const block = [`## Part ${section}: ${rng.pick(WORDS.objects)}`, ''];
    if (section % 7 === 0) block.push(`Reviewed by the Product Owner of ${rng.pick(WORDS.teams)} during the ${rng.pick(OUTDATED)}.`, '');
    for (let b = rng.int(2, 5); b > 0; b--) {
      if (rng.chance(0.25)) block.push(`### ${rng.pick(['Scenario', 'Risk', 'Decision', 'Metric'])} ${section}.${b}`, '');
      block.push(...filler(rng));
    }
    return block;
  });
  return `${lines.join('\n')}\n`;
}

// Sentences that give jobs to roles (prose-role): right ones and traps, and a few mistakes.
const ROLE_SENTENCES = [
  'Product Management accepts this feature at the System Demo.',
  'The Product Owner accepts the stories of this feature at the iteration review.',
  'The PO does not accept features; Product Management does.',
  'Does the PO accept this feature, or does Product Management?',
  'The team estimates the stories of this feature in story points.',
  'Product Management ranks this feature against the other features in the ART backlog.',
  'The old wiki said "the RTE signs off every feature", but SAFe gives that to Product Management.',
  'The bank mails the papers for this feature to our PO box by 5 PM.',
  'The PO reads the acceptance criteria of this feature before each refinement.',
  'Product Management, not the PO, owns this feature.',
  'The System Architect defines the enabler stories of this feature with the team.',
  'The PO orders the stories of this feature in the team backlog.',
];
const WRONG_ROLE_SENTENCES = [
  'The PO accepts this feature once the demo is done.',
  'This feature is accepted by the Product Owner after the System Demo.',
  'PO sign-off closes this feature.',
  'The RTE must sign off this feature before it goes live.',
];

/**
 * A feature of about `targetLines` lines whose body is prose full of role
 * sentences: right ones and traps, with a wrong one now and then (one in twenty).
 */
function proseFeatureText(targetLines, seed = 7) {
  const rng = createRng(seed);
  const lines = ['---', 'id: FEAT-9001', 'type: feature', 'title: "Settlement roles"', '---', '', '# Settlement roles', '',
    '## Benefit Hypothesis', '', 'We believe that one settlement platform will result in 30% fewer reconciliation incidents.', '',
    '## Acceptance Criteria', '', ...list(rng, 4, true), ''];
  let section = 0;
  fillTo(lines, targetLines, rng, () => {
    section++;
    const block = [`## Part ${section}: ${rng.pick(WORDS.objects)}`, ''];
    for (let b = rng.int(3, 8); b > 0; b--) {
      const role = rng.pick(rng.chance(0.05) ? WRONG_ROLE_SENTENCES : ROLE_SENTENCES);
      block.push(rng.chance(0.6) ? role : `- ${role} ${sentence(rng)}`);
    }
    block.push('', ...paragraph(rng, rng.int(1, 2)), '');
    return block;
  });
  return `${lines.join('\n')}\n`;
}

module.exports = { createRng, writeCorpus, longFeatureText, proseFeatureText };
