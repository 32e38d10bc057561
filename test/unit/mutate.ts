/** Seeded mutations of fixture texts, shared by the in-process fuzz and the CLI's --fix fuzz. */

// The fuzz tests seed mutations with the one generator the generated suites use.
export { mulberry32 } from './random';

const SNIPPETS = ['---\n', '\n', '\r\n', '|', '**', '> ', '- ', '<!--', '-->', '```', ':', 'PO', 'Product Owner', '\uFEFF', '\u0000', '\ud800', '&a', '*a', '[', ']', '{', '#', 'As a', 'I want', 'so that', 'type: feature\n', 'accepted-by: ', '<!-- agile-artifacts-disable -->'];

export function mutate(text: string, random: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (result.length + 1));
    const choice = random();
    if (choice < 0.4) {
      result = result.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + result.slice(at);
    } else if (choice < 0.7) {
      result = result.slice(0, at) + result.slice(at + Math.floor(random() * 40));
    } else if (choice < 0.9) {
      const from = Math.floor(random() * result.length);
      result = result.slice(0, at) + result.slice(from, from + Math.floor(random() * 80)) + result.slice(at);
    } else {
      result = result.slice(0, at) + String.fromCharCode(Math.floor(random() * 0xffff)) + result.slice(at);
    }
  }
  return result;
}
