import { treeView } from '../../../src/presenters/insights/similarity-tree.presenter'

describe('the similarity tree’s drawing', () => {
  // Rows A and B join at 1, C joins them at 4; D has no score and sits below the tree.
  const tree = {
    leaves: 3,
    merges: [
      { left: 0, right: 1, distance: 1, size: 2 },
      { left: 3, right: 2, distance: 4, size: 3 },
    ],
  }
  const view = treeView(tree, ['A', 'B', 'C', 'D'])!

  it('is one unit high per row, so each leaf meets the middle of its row', () => {
    expect([view.width, view.height]).toEqual([100, 4])
    // A (y 0.5) and B (y 1.5) join a quarter of the way out; C (y 2.5) joins them at the right edge.
    expect(view.d).toBe('M0 0.5H29.25V1.5H0M29.25 1H99V2.5H0')
  })

  it('says where the tree first splits, by row and name', () => {
    expect(view.summary).toContain('Its first split is between rows 1 to 2 (A to B) and row 3 (C).')
  })

  it('draws nothing for fewer than two scored rows, or a tree that does not fit them', () => {
    expect(treeView({ leaves: 1, merges: [] }, ['A'])).toBeUndefined()
    expect(treeView({ leaves: 3, merges: tree.merges.slice(0, 1) }, ['A', 'B', 'C'])).toBeUndefined()
  })

  it('draws rows that are all alike as one join at the stub', () => {
    const alike = treeView({ leaves: 2, merges: [{ left: 0, right: 1, distance: 0, size: 2 }] }, ['A', 'B'])!
    expect(alike.d).toBe('M0 0.5H6V1.5H0')
  })
})
