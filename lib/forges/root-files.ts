/**
 * The names at the root of a repository, as its home page lists them, when the page shows the whole list: then
 * whether it has a publiccode.yml (and the files the organisation audit looks for) is known without a request.
 * Pure: a document in, names out.
 */
export interface RootFiles {
  names: string[];
  /** Where they were read: GitHub's embedded React payload (2023–2026), or the server-rendered file list (2021–2023). */
  from: 'payload' | 'list';
}

interface Tree {
  items: Array<{ name?: unknown }>;
  totalCount?: unknown;
}

/** The first `tree: {items: [...]}` in a payload, a few levels deep at most. */
function findTree(value: unknown, depth = 0): Tree | undefined {
  if (!value || typeof value !== 'object' || depth > 6) return undefined;
  const tree = (value as { tree?: unknown }).tree;
  if (tree && typeof tree === 'object' && Array.isArray((tree as Tree).items)) return tree as Tree;
  for (const child of Object.values(value)) {
    const found = findTree(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * GitHub: the root listing of the React payload (`tree.items`, complete when there are `totalCount` of them), else
 * the server-rendered rows (`[role="rowheader"]` links, whose `title` is the file name). Undefined when the page
 * shows no list, or only part of it.
 */
export function githubRootFiles(doc: ParentNode): RootFiles | undefined {
  for (const script of doc.querySelectorAll('script[type="application/json"]')) {
    const text = script.textContent ?? '';
    if (!text.includes('"tree":{"items":')) continue;
    let tree: Tree | undefined;
    try {
      tree = findTree(JSON.parse(text));
    } catch {
      continue;
    }
    if (!tree) continue;
    const names = tree.items.map((i) => i.name).filter((n): n is string => typeof n === 'string');
    if (typeof tree.totalCount === 'number' && names.length < tree.totalCount) return undefined;
    return { names, from: 'payload' };
  }
  const rows = [...doc.querySelectorAll('[role="rowheader"] a[title]')].map((a) => a.getAttribute('title') ?? '').filter(Boolean);
  return rows.length > 0 ? { names: rows, from: 'list' } : undefined;
}
