export interface DiffRow {
  kind: 'same' | 'changed' | 'removed' | 'added';
  left?: { line: number; text: string };
  right?: { line: number; text: string };
}

// Beyond this many cells the middle part is shown as one changed block instead of aligning it line by line.
const MAX_CELLS = 4_000_000;

/**
 * Aligns two texts line by line for a side-by-side view (longest common subsequence after trimming the common
 * start and end). Runs of removed and added lines are paired up as "changed" rows.
 */
export function lineDiff(a: string, b: string): DiffRow[] {
  const left = a.split('\n');
  const right = b.split('\n');
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let endA = left.length;
  let endB = right.length;
  while (endA > start && endB > start && left[endA - 1] === right[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: ('same' | 'removed' | 'added')[] = [];
  const midA = left.slice(start, endA);
  const midB = right.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    ops.push(...midA.map(() => 'removed' as const), ...midB.map(() => 'added' as const));
  } else {
    // lcs[i][j] = length of the LCS of midA[i..] and midB[j..], kept in one flat array.
    const w = midB.length + 1;
    const lcs = new Uint32Array((midA.length + 1) * w);
    for (let i = midA.length - 1; i >= 0; i--)
      for (let j = midB.length - 1; j >= 0; j--)
        lcs[i * w + j] = midA[i] === midB[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    let i = 0;
    let j = 0;
    while (i < midA.length || j < midB.length) {
      if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
        ops.push('same');
        i++;
        j++;
      } else if (j < midB.length && (i === midA.length || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) {
        ops.push('added');
        j++;
      } else {
        ops.push('removed');
        i++;
      }
    }
  }
  const rows: DiffRow[] = [];
  for (let k = 0; k < start; k++) rows.push({ kind: 'same', left: { line: k + 1, text: left[k] }, right: { line: k + 1, text: right[k] } });
  let ia = start;
  let ib = start;
  let removed: DiffRow[] = [];
  let added: DiffRow[] = [];
  const flush = () => {
    const n = Math.max(removed.length, added.length);
    for (let k = 0; k < n; k++) {
      const l = removed[k]?.left;
      const r = added[k]?.right;
      rows.push({ kind: l && r ? 'changed' : l ? 'removed' : 'added', left: l, right: r });
    }
    removed = [];
    added = [];
  };
  for (const op of ops) {
    if (op === 'same') {
      flush();
      rows.push({ kind: 'same', left: { line: ia + 1, text: left[ia] }, right: { line: ib + 1, text: right[ib] } });
      ia++;
      ib++;
    } else if (op === 'removed') {
      removed.push({ kind: 'removed', left: { line: ia + 1, text: left[ia] } });
      ia++;
    } else {
      added.push({ kind: 'added', right: { line: ib + 1, text: right[ib] } });
      ib++;
    }
  }
  flush();
  for (let k = 0; endA + k < left.length; k++) rows.push({ kind: 'same', left: { line: endA + k + 1, text: left[endA + k] }, right: { line: endB + k + 1, text: right[endB + k] } });
  return rows;
}
