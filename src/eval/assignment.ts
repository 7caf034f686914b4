/**
 * Minimum-cost assignment (Hungarian algorithm with potentials, O(n²m)) on a
 * rectangular cost matrix. Returns, for each row, the column it is assigned to,
 * or -1 when there are more rows than columns and the row is left over.
 * Every row (or every column, if fewer) is assigned; callers that want to leave
 * pairs out price them high and drop them afterwards.
 */
export function minCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  const cols = rows === 0 ? 0 : (cost[0]?.length ?? 0);
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, j) => cost.map((row) => cell(row, j)));
    const colToRow = minCostAssignment(transposed);
    const out = new Array<number>(rows).fill(-1);
    colToRow.forEach((r, c) => {
      if (r >= 0) out[r] = c;
    });
    return out;
  }
  // 1-based with a sentinel column 0, as in the textbook formulation.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const owner = new Int32Array(cols + 1); // owner[j] = row holding column j (0 = free)
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    owner[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = at(owner, j0);
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const reduced = cell(cost[i0 - 1], j - 1) - at(u, i0) - at(v, j);
        if (reduced < at(minv, j)) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (at(minv, j) < delta) {
          delta = at(minv, j);
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[at(owner, j)] = at(u, at(owner, j)) + delta;
          v[j] = at(v, j) - delta;
        } else {
          minv[j] = at(minv, j) - delta;
        }
      }
      j0 = j1;
    } while (at(owner, j0) !== 0);
    do {
      const j1 = at(way, j0);
      owner[j0] = at(owner, j1);
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= cols; j++) {
    const r = at(owner, j);
    if (r > 0) out[r - 1] = j - 1;
  }
  return out;
}

// Indices here are always in bounds; these keep noUncheckedIndexedAccess honest without `!`.
function at(a: Float64Array | Int32Array, i: number): number {
  const x = a[i];
  if (x === undefined) throw new RangeError(`index ${i} out of bounds`);
  return x;
}

function cell(row: readonly number[] | undefined, j: number): number {
  const x = row?.[j];
  if (x === undefined) throw new RangeError(`cost matrix is not rectangular at column ${j}`);
  return x;
}
