//! The jury as a graph: reviewers and ideas, an edge for each assignment. Calibrating reviewers against each
//! other (an offset per reviewer) only compares reviewers that the graph links through shared ideas, so how many
//! separate groups it has, and how many pairs of reviewers share an idea, say how far a call's scores can be
//! calibrated at all.

use std::collections::{BTreeMap, HashSet};

use uuid::Uuid;

/// What the graph of a call's reviewers and ideas looks like.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JuryGraph {
    /// Connected groups of reviewers and ideas: 1 when every reviewer is linked to every other through shared
    /// ideas, 0 without any assignment. Ideas and reviewers without an assignment are not in the graph.
    pub groups: usize,
    /// Distinct pairs of reviewers who share at least one idea.
    pub juror_pairs: usize,
}

/// The graph of `(idea id, reviewer id)` assignments; a pair given twice counts once.
pub fn jury_graph(pairs: impl IntoIterator<Item = (Uuid, Uuid)>) -> JuryGraph {
    let mut pairs: Vec<(Uuid, Uuid)> = pairs.into_iter().collect();
    pairs.sort_unstable();
    pairs.dedup();
    if pairs.is_empty() {
        return JuryGraph::default();
    }
    // Reviewers by index; ideas need none, as the pairs come grouped by idea once sorted.
    let reviewers: BTreeMap<Uuid, usize> = {
        let mut ids: Vec<Uuid> = pairs.iter().map(|&(_, r)| r).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().enumerate().map(|(n, id)| (id, n)).collect()
    };
    // Every idea in the pairs has a reviewer, so the groups of reviewers are the graph's groups.
    let mut groups = Groups::new(reviewers.len());
    let mut juror_pairs: HashSet<(usize, usize)> = HashSet::new();
    for one_idea in pairs.chunk_by(|a, b| a.0 == b.0) {
        let on_it: Vec<usize> = one_idea.iter().map(|(_, r)| reviewers[r]).collect();
        for (n, &a) in on_it.iter().enumerate() {
            // An idea joins all its reviewers into one group.
            groups.join(on_it[0], a);
            // Sorted and distinct within an idea, so (a, b) with a < b names each pair once.
            for &b in &on_it[n + 1..] {
                juror_pairs.insert((a, b));
            }
        }
    }
    JuryGraph {
        groups: groups.count(),
        juror_pairs: juror_pairs.len(),
    }
}

/// Union-find over indices, by size with path halving.
pub(crate) struct Groups {
    parent: Vec<usize>,
    size: Vec<usize>,
    count: usize,
}

impl Groups {
    pub(crate) fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
            size: vec![1; n],
            count: n,
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the groups of `a` and `b`; says whether they were apart.
    pub(crate) fn join(&mut self, a: usize, b: usize) -> bool {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return false;
        }
        if self.size[a] < self.size[b] || (self.size[a] == self.size[b] && b < a) {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
        self.count -= 1;
        true
    }

    /// How many groups there are.
    pub(crate) fn count(&self) -> usize {
        self.count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    /// Ideas 100+ and reviewers 1+.
    fn graph(pairs: &[(u128, u128)]) -> JuryGraph {
        jury_graph(pairs.iter().map(|&(i, r)| (id(100 + i), id(r))))
    }

    #[test]
    fn no_assignment_is_no_group() {
        assert_eq!(
            graph(&[]),
            JuryGraph {
                groups: 0,
                juror_pairs: 0
            }
        );
    }

    #[test]
    fn one_reviewer_on_one_idea_is_one_group_without_pairs() {
        assert_eq!(
            graph(&[(1, 1)]),
            JuryGraph {
                groups: 1,
                juror_pairs: 0
            }
        );
    }

    #[test]
    fn ideas_sharing_no_reviewer_are_separate_groups() {
        // Ideas 1 and 2 share reviewer 2; idea 3 has reviewers 4 and 5 only; idea 4 has reviewer 6 alone.
        let g = graph(&[(1, 1), (1, 2), (2, 2), (2, 3), (3, 4), (3, 5), (4, 6)]);
        // Pairs: {1,2}, {2,3}, {4,5}.
        assert_eq!(
            g,
            JuryGraph {
                groups: 3,
                juror_pairs: 3
            }
        );
    }

    #[test]
    fn a_chain_of_ideas_links_reviewers_who_never_meet() {
        // 1–2 on idea 1, 2–3 on idea 2, 3–4 on idea 3: one group, three pairs (1 and 4 never share an idea).
        let g = graph(&[(1, 1), (1, 2), (2, 2), (2, 3), (3, 3), (3, 4)]);
        assert_eq!(
            g,
            JuryGraph {
                groups: 1,
                juror_pairs: 3
            }
        );
    }

    #[test]
    fn pairs_are_counted_once_whatever_the_ideas_and_repeats() {
        // Three reviewers on two ideas each: the pairs {1,2}, {1,3}, {2,3} once each; a repeated assignment adds
        // nothing, and the order of the pairs does not matter.
        let pairs = [(1, 1), (1, 2), (1, 3), (2, 3), (2, 2), (2, 1), (1, 1)];
        assert_eq!(
            graph(&pairs),
            JuryGraph {
                groups: 1,
                juror_pairs: 3
            }
        );
        let mut reversed = pairs;
        reversed.reverse();
        assert_eq!(graph(&reversed), graph(&pairs));
    }

    #[test]
    fn four_reviewers_on_one_idea_make_six_pairs() {
        let g = graph(&[(1, 1), (1, 2), (1, 3), (1, 4), (2, 5), (2, 6)]);
        assert_eq!(
            g,
            JuryGraph {
                groups: 2,
                juror_pairs: 7
            }
        );
    }

    #[test]
    fn groups_join_and_count() {
        let mut groups = Groups::new(4);
        assert!(groups.join(0, 1));
        assert!(!groups.join(1, 0));
        assert!(groups.join(2, 3));
        assert_eq!(groups.count(), 2);
        assert!(groups.join(3, 0));
        assert_eq!(groups.count(), 1);
        assert_eq!(groups.find(2), groups.find(1));
    }
}
