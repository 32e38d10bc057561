/**
 * The table writes everyday words that can name a role (team, developers) in
 * lower case: they mean the Agile Team in a role field, but in prose they are
 * just words, so hovers and highlighting skip them.
 */
export function namesARoleInProse(name: string): boolean {
  return name !== name.toLowerCase();
}
