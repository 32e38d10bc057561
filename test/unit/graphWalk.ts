import { BacklogGraph, compareItems, graphFindings } from '../../src/core';
import { relativePath } from '../../src/core/graph/paths';
import { mulberry32 } from './random';

// A random backlog for property tests (graphProperty, indexCache): texts of
// files in the forms the index reads, paths named after ids, and a snapshot
// of everything a graph answers.

// A small universe, so ids repeat, parents loop and links hit and miss.
const IDS = ['EPIC-1', 'EPIC-2', 'FEAT-1', 'FEAT-2', 'FEAT-3', 'US-1', 'US-2', 'US-3', 'EN-1', 'PTG-1', 'PTG-2'];
const MISSING_IDS = ['FEAT-9', 'US-404', 'PTG-9', 'JIRA-7'];
// Titles that share words, so a described parent (titleWords.ts) finds one, several or none as files change.
const TITLES = ['Payments', 'Cards', 'Fix CI', 'Login', 'Wallet', 'Top up', 'Markdown File Reading', 'File Reading Cache', 'Top up wallet'];
const FREE = ['the OAuth routes enabler', 'Fix CJ', 'Walet', 'File Reading', 'markdown reading (LIN-4)', 'wallet top'];
const FOLDERS = ['w', 'w/EPIC-1-pay', 'w/EPIC-1-pay/FEAT-2-cards', 'w/EPIC-1-pay/FEAT-2-cards/enablers', 'w/features', 'w/stories', 'w/PROJ-001-a', 'w/PROJ-004-b/EPIC-1-x'];
const TYPES = ['epic', 'feature', 'story', 'enabler-story', 'capability'];
const VOICE = 'As a shopper, I want to pay so that I leave sooner.';

export interface Rng {
  next(): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

export function rngOf(seed: number): Rng {
  const next = mulberry32(seed);
  return { next, pick: (list) => list[Math.floor(next() * list.length)], chance: (p) => next() < p };
}

/** A parent value in one of the forms SPEC §7 reads (and a few that name nothing). */
function parentValue(rng: Rng, file: string, files: readonly string[]): string {
  const form = rng.next();
  if (form < 0.3) return rng.pick(IDS);
  if (form < 0.38) return rng.pick(MISSING_IDS);
  if (form < 0.45) return `"${rng.pick(IDS)}: ${rng.pick(TITLES)}"`;
  if (form < 0.55) return rng.pick(TITLES).toLowerCase();
  if (form < 0.6) return `"Feature: ${rng.pick(TITLES)}"`;
  if (form < 0.65) return rng.pick(FREE);
  if (form < 0.7) return rng.pick(['TBD', '"[Nome Epic]"']);
  const target = files.length && rng.chance(0.8) ? rng.pick(files) : `${rng.pick(FOLDERS)}/gone.md`;
  const label = rng.chance(0.5) ? rng.pick([...IDS, ...MISSING_IDS]) : 'the parent';
  return `"[${label}](${relativePath(file, target)}${rng.chance(0.2) ? '#acceptance-criteria' : ''})"`;
}

const disabled = (rng: Rng, rule: string) => (rng.chance(0.08) ? `<!-- agile-artifacts-disable-next-line ${rule} -->\n` : '');

/** A file's text: a typed file item, a heading item, an epic with sections, a sprint page, or no item at all. */
export function textFor(rng: Rng, file: string, files: readonly string[]): string {
  const parent = () => (rng.chance(0.7) ? `${disabled(rng, 'unknown-parent')}**Parent:** ${parentValue(rng, file, files)}\n\n` : '');
  const kind = rng.next();
  if (kind < 0.35) {
    const fields = [`type: ${rng.pick(TYPES)}`];
    if (rng.chance(0.6)) fields.push(`id: ${rng.pick(IDS)}`);
    if (rng.chance(0.6)) fields.push(`${rng.pick(['parent', 'feature', 'epic', 'parent-id'])}: ${parentValue(rng, file, files)}`);
    return `---\n${fields.join('\n')}\n---\n${disabled(rng, 'duplicate-id')}# ${rng.pick(TITLES)}\n\n${VOICE}\n`;
  }
  if (kind < 0.6) return `${disabled(rng, 'duplicate-id')}# ${rng.pick(IDS)}: ${rng.pick(TITLES)}\n\n${parent()}${VOICE}\n`;
  if (kind < 0.8) {
    const lines = [`# ${rng.pick(['EPIC-1', 'EPIC-2', 'Epic 3'])}: ${rng.pick(TITLES)}`, ''];
    for (let s = Math.floor(rng.next() * 4); s >= 0; s--) {
      lines.push(`${rng.pick(['##', '###'])} ${rng.pick(IDS)}: ${rng.pick(TITLES)}`, '', parent(), VOICE, '');
    }
    return `${lines.join('\n')}\n`;
  }
  if (kind < 0.92) {
    const rows = Array.from({ length: 1 + Math.floor(rng.next() * 3) }, () => `| ${rng.pick(IDS)} | ${VOICE} | PO | ${rng.pick(['', rng.pick(IDS)])} |`);
    return `# Sprint 4\n\n| ID | User Story | Accepted By | Feature |\n|---|---|---|---|\n${rows.join('\n')}\n`;
  }
  return '# Notes\n\nWe talked about FEAT-1 and the login story.\n';
}

/** A path not in use: named after an id (its id then comes from the name), by type, or a plan page. */
export function freshPath(rng: Rng, used: ReadonlySet<string>): string {
  for (;;) {
    const n = Math.floor(rng.next() * 6);
    const name = rng.pick([`${rng.pick(IDS).toLowerCase()}-x${n}.md`, `${rng.pick(IDS)}-y${n}.md`, `s${n}.story.md`, `f${n}.feature.md`, `e${n}.epic.md`, `sprint-${n}.md`, `notes-${n}.md`]);
    const file = `${rng.pick(FOLDERS)}/${name}`;
    if (!used.has(file)) return file;
  }
}

/** Everything the index answers, in a canonical order: items with parent and children, the top, and every file's findings. */
export function snapshot(graph: BacklogGraph) {
  const items = [...graph.items()].sort(compareItems).map((item) => {
    const link = graph.parentLink(item);
    return {
      key: item.key,
      parent: link.parent?.key ?? null,
      via: link.via ?? null,
      byTitle: link.byTitle ?? false,
      missing: link.missing ?? null,
      children: graph.childrenOf(item).map((child) => child.key),
      orphan: graph.isOrphan(item),
      loop: graph.loopOf(item)?.map((member) => member.key) ?? null,
    };
  });
  const findings = Object.fromEntries(graph.files().map((file) => [file, graphFindings(graph, file)]));
  return { files: graph.files(), items, top: graph.topItems().map((item) => item.key), linksByTitle: graph.linksByTitle(), findings };
}

