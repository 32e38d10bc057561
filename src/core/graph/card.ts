import type { BacklogGraph } from './graph';
import type { GraphItem } from './record';

/**
 * The card of an item as the backlog knows it, for a hover on its id or a
 * reference to it: type, title, status, parent, children, and who owns and
 * accepts it. Markdown; file links are left to the front end (`link`).
 */
export function graphItemCard(graph: BacklogGraph, item: GraphItem, link: (item: GraphItem) => string): string {
  const artifact = graph.artifact(item.type);
  const typeName = artifact?.name ?? item.type;
  const name = item.id ? (item.id.toLowerCase().startsWith(typeName.toLowerCase()) ? item.id : `${typeName} ${item.id}`) : typeName;
  const lines = [`**${name}** · ${item.title || '(untitled)'}`];
  const facts: string[] = [];
  if (item.status) facts.push(`Status: ${item.status}`);
  const parent = graph.parentOf(item);
  const missing = graph.parentLink(item).missing;
  if (parent) facts.push(`Parent: ${describe(graph, parent, link)}`);
  else if (missing && item.parentRef) facts.push(`Parent: ${item.parentRef.text} (no such item in the workspace)`);
  else if (graph.isOrphan(item)) facts.push('Parent: none');
  const children = graph.childrenOf(item);
  if (children.length) {
    const counts = new Map<string, number>();
    for (const child of children) counts.set(child.type, (counts.get(child.type) ?? 0) + 1);
    const summary = [...counts].map(([type, count]) => {
      const entry = graph.artifact(type);
      return `${count} ${count === 1 ? (entry?.name ?? type).toLowerCase() : (entry?.plural ?? type)}`;
    });
    facts.push(`Children: ${summary.join(', ')}`);
  }
  for (const action of ['own', 'accept']) {
    const values = item.roles.filter((role) => role.action === action).map((role) => role.value);
    const allowed = artifact?.allowed[action];
    if (values.length) facts.push(`${action === 'own' ? 'Owner' : 'Accepted by'}: ${values.join(', ')}`);
    else if (allowed?.length) facts.push(`${action === 'own' ? 'Owner' : 'Accepted by'}: not stated (SAFe: ${allowed.map((role) => roleName(graph, role)).join(', ')})`);
  }
  if (facts.length) lines.push(facts.map((fact) => `- ${fact}`).join('\n'));
  if (children.length) lines.push(children.slice(0, 8).map((child) => `- ${describe(graph, child, link)}`).join('\n') + (children.length > 8 ? `\n- … ${children.length - 8} more` : ''));
  return lines.join('\n\n');
}

function describe(graph: BacklogGraph, item: GraphItem, link: (item: GraphItem) => string): string {
  const typeName = graph.artifact(item.type)?.name ?? item.type;
  const label = [item.id && !item.id.toLowerCase().startsWith(typeName.toLowerCase()) ? `${typeName} ${item.id}` : (item.id ?? typeName), item.title].filter(Boolean).join(' — ');
  return `[${label.replace(/[[\]]/g, '')}](${link(item)})`;
}

function roleName(graph: BacklogGraph, id: string): string {
  return graph.table.roles.find((role) => role.id === id)?.name ?? id;
}
