/** Where the project and its rule pages live; the CLI (SARIF) and the editor link here. */
export const REPOSITORY_URL = 'https://github.com/agile-artifacts/agile-artifacts';

export function ruleDocsUrl(rule: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${rule}.md`;
}
