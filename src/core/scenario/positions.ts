// Where a schema path is in the scenario's text, as a line and column. JSON files are read through
// the YAML parser too (a JSON superset), so one walk over the YAML document serves both formats.
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node as YamlNode } from 'yaml';

export interface Position {
  line: number;
  col: number;
}

/**
 * The position of `path` in the text: the key when the path ends at a key of a mapping (`minRound:`),
 * else the value (a list item). With `key`, the position of that key inside the mapping at `path` (an
 * unknown key). A path the text does not hold (a missing key, a key a migration renamed) gives the
 * position of the deepest part it does hold; null when the document has no contents.
 */
export type Locate = (path: readonly PropertyKey[], key?: string) => Position | null;

export function yamlLocator(doc: Document, lineCounter: LineCounter): Locate {
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  return (path, key) => {
    let node = resolve(doc.contents) as YamlNode | null | undefined;
    if (!node?.range) return null;
    let best = node.range[0];
    const steps = key === undefined ? path : [...path, key];
    for (const step of steps) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        const keyStart = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        if (keyStart !== undefined) best = keyStart;
        node = resolve(pair.value) as YamlNode | null;
        // The key names the path; its value may be empty (`minRound:` with nothing after it).
        if (!node?.range) break;
        continue;
      }
      if (isSeq(node) && typeof step === 'number') {
        const item = resolve(node.items[step]) as YamlNode | null | undefined;
        if (!item?.range) break;
        best = item.range[0];
        node = item;
        continue;
      }
      break;
    }
    return at(best);
  };
}
