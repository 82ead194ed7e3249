/** Every region code the registry names, wherever it says it (entries, offices, nearest offices). */
export function regionCodes(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) regionCodes(v, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'country' && typeof v === 'string') into.add(v);
      else regionCodes(v, into);
    }
  return into;
}
