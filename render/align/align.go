// Package align lines up two sequences (an older and a newer version of
// a document's sections, clauses or table rows) by their longest common
// subsequence, so that a comparison can show what was kept, what was
// added and what was removed, each where it stood.
package align

// Step is one step of an alignment: Old and New are indexes into the two
// sequences, -1 where the step has no item on that side.
type Step struct{ Old, New int }

// Kept reports whether the step pairs an old item with a new one.
func (s Step) Kept() bool { return s.Old >= 0 && s.New >= 0 }

// Keys aligns two sequences of keys: equal keys pair up, in order. Where
// both sides have unpaired items at the same place, removed items come
// before added ones, as a lawyer's blackline reads.
func Keys(old, new []string) []Step {
	n, m := len(old), len(new)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if old[i] == new[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	steps := make([]Step, 0, max(n, m))
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && old[i] == new[j]:
			steps = append(steps, Step{i, j})
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			steps = append(steps, Step{i, -1})
			i++
		default:
			steps = append(steps, Step{-1, j})
			j++
		}
	}
	return steps
}
