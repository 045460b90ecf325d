//! A call's ranking from its submitted reviews: each idea's raw and calibrated score and rank, its spread and
//! flags, each juror's offset, and the jury's agreement (DESIGN.md, "Scores, done right").
//!
//! **Raw score**: the mean of the idea's review totals (each 0–100, see `rubric::Rubric::total`). **Spread**: the
//! population standard deviation of those totals, with two reviews or more; an idea is flagged for discussion
//! when its spread is strictly greater than `RankingRules::disagreement_spread`.
//!
//! **Calibrated score**: jurors differ in strictness, and an idea that drew a strict jury should not lose to one
//! that drew a lenient one. A review's total is read as the idea's quality plus the juror's offset plus noise;
//! the offsets are estimated with shrinkage towards zero (`RankingRules::offset_shrinkage`, see
//! [`crate::calibration`]) and the calibrated score is the idea's estimated quality: the mean of its reviews'
//! totals less their jurors' offsets, on the raw score's 0–100 scale (held within it: a perfect total from a
//! strict juror is still 100).
//!
//! **Ranks**: competition ranking ("1224") by score, highest first, raw and calibrated separately; scores within
//! 1e-9 of each other are tied, and an idea without reviews has no rank. An idea whose two ranks lie at least
//! [`RankingRules::rank_shift_places`] apart is flagged: the jurors it drew changed its place sharply.
//!
//! **Agreement**: Krippendorff's alpha with the interval metric, over the review totals (ideas are the units),
//! over the calibrated totals (each total less its juror's offset) and over each criterion's raw scores; and
//! Kendall's tau between the raw and the calibrated order.
//!
//! **The jury graph**: jurors and ideas linked by reviews. Offsets compare only jurors connected through shared
//! ideas, so the ranking reports how many separate groups the graph has (more than one: the calibration cannot
//! compare them) and how many pairs of jurors share an idea.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use uuid::Uuid;

use crate::calibration::{Observation, calibrate};
use crate::jury_graph::{JuryGraph, jury_graph};

/// Scores this close are the same score for ranking.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// The fewest places between an idea's raw and calibrated rank that flag it, however small the call.
pub const MIN_RANK_SHIFT: u32 = 3;

/// One submitted review, reduced to what ranking needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredReview {
    pub idea_id: Uuid,
    pub reviewer_id: Uuid,
    /// The review's total on 0–100.
    pub total: f64,
    /// Each criterion's raw score, in rubric order.
    pub criteria: Vec<f64>,
}

/// The call's settings for ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankingRules {
    /// λ, how strongly jurors' offsets are shrunk towards zero: as if each juror had also given λ reviews at
    /// exactly the idea's quality. 0 would trust every offset fully (a juror with two reviews could swing their
    /// ideas as much as one with forty); large values approach the raw mean. Default 5, chosen by the calibration
    /// simulation (crates/domain/tests/calibration_simulation.rs).
    pub offset_shrinkage: f64,
    /// The spread of totals (on 0–100) above which an idea is flagged for discussion.
    pub disagreement_spread: f64,
    /// The share of the ranked ideas by which an idea's raw and calibrated ranks must differ for it to be
    /// flagged (never fewer than [`MIN_RANK_SHIFT`] places).
    pub rank_shift_share: f64,
}

impl Default for RankingRules {
    fn default() -> Self {
        RankingRules {
            offset_shrinkage: 5.0,
            disagreement_spread: 15.0,
            rank_shift_share: 0.1,
        }
    }
}

impl RankingRules {
    /// How many places apart an idea's two ranks must be to flag it, among `ranked` ideas with a score.
    pub fn rank_shift_places(&self, ranked: usize) -> u32 {
        let share = (self.rank_shift_share.max(0.0) * ranked as f64).ceil();
        // The share is of a count, so it fits; `as` saturates for absurd settings.
        (share as u32).max(MIN_RANK_SHIFT)
    }
}

/// One idea's place in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct IdeaResult {
    pub idea_id: Uuid,
    /// The mean of its review totals; `None` without reviews.
    pub raw_score: Option<f64>,
    pub raw_rank: Option<u32>,
    /// Its estimated quality on 0–100 (its totals less their jurors' offsets); `None` without reviews.
    pub calibrated_score: Option<f64>,
    pub calibrated_rank: Option<u32>,
    /// The population SD of its review totals; `None` with fewer than two reviews.
    pub spread: Option<f64>,
    pub review_count: usize,
    /// Whether the spread is above the call's threshold.
    pub disagreement: bool,
    /// Whether its raw and calibrated ranks lie at least `RankingRules::rank_shift_places` apart.
    pub rank_shift: bool,
    /// The mean of each criterion's raw score over its reviews, in rubric order.
    pub criterion_means: Vec<Option<f64>>,
}

/// How one juror scored across the call.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewerResult {
    pub reviewer_id: Uuid,
    /// The mean of their review totals.
    pub mean: f64,
    /// The population SD of their review totals.
    pub spread: f64,
    pub review_count: usize,
    /// Their estimated offset in points of 0–100: positive lenient, negative strict, after shrinkage.
    pub offset: f64,
    /// The offset's standard error in points; `None` when the reviews leave nothing to measure it by.
    pub offset_uncertainty: Option<f64>,
}

/// How far the jury agrees, by Krippendorff's alpha (interval metric).
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// Over the review totals; `None` when it cannot be computed (fewer than two pairable values, or all equal).
    pub alpha: Option<f64>,
    /// Over the calibrated totals (each total less its juror's offset); `None` likewise.
    pub calibrated_alpha: Option<f64>,
    /// Ideas with at least two reviews.
    pub units: usize,
    /// Reviews of those ideas.
    pub pairable_values: usize,
    /// Alpha per criterion, rubric order.
    pub by_criterion: Vec<Option<f64>>,
    /// Kendall's tau-b between the raw and the calibrated scores of the ideas with reviews: 1 when calibration
    /// changes no order; `None` with fewer than two such ideas or a constant score.
    pub rank_correlation: Option<f64>,
}

/// A call's ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// In the order of the `ideas` given to `rank`.
    pub ideas: Vec<IdeaResult>,
    /// Sorted by reviewer id.
    pub reviewers: Vec<ReviewerResult>,
    pub agreement: Agreement,
    /// The graph of jurors and ideas the counted reviews make.
    pub graph: JuryGraph,
}

/// Ranks `ideas` from their `reviews` under a rubric of `criteria_count` criteria (see the module doc for the
/// rules).
///
/// Reviews of ideas not in `ideas`, and reviews whose total is not a finite number, are left out of everything,
/// including the reviewers' figures: the ranking is about exactly the ideas given. A review's criterion scores
/// beyond `criteria_count`, or missing from it, are skipped in the per-criterion figures only.
pub fn rank(ideas: &[Uuid], criteria_count: usize, reviews: &[ScoredReview], rules: &RankingRules) -> Ranking {
    let listed: HashSet<Uuid> = ideas.iter().copied().collect();
    let reviews: Vec<&ScoredReview> = reviews
        .iter()
        .filter(|review| listed.contains(&review.idea_id) && review.total.is_finite())
        .collect();

    // Dense indices for the solver: distinct ideas in input order, jurors by id.
    let mut idea_index: HashMap<Uuid, usize> = HashMap::new();
    for idea_id in ideas {
        let next = idea_index.len();
        idea_index.entry(*idea_id).or_insert(next);
    }
    let juror_ids: Vec<Uuid> = reviews
        .iter()
        .map(|review| review.reviewer_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let juror_index: HashMap<Uuid, usize> = juror_ids.iter().enumerate().map(|(j, id)| (*id, j)).collect();
    let observations: Vec<Observation> = reviews
        .iter()
        .map(|review| Observation {
            idea: idea_index[&review.idea_id],
            juror: juror_index[&review.reviewer_id],
            total: review.total,
        })
        .collect();
    let calibration = calibrate(idea_index.len(), juror_ids.len(), &observations, rules.offset_shrinkage);
    let calibrated_totals: Vec<f64> = observations
        .iter()
        .map(|o| o.total - calibration.offsets[o.juror])
        .collect();

    // Each idea's reviews, as indices into `reviews`, in input order.
    let mut by_idea: HashMap<Uuid, Vec<usize>> = HashMap::new();
    for (i, review) in reviews.iter().enumerate() {
        by_idea.entry(review.idea_id).or_default().push(i);
    }
    let no_reviews = Vec::new();
    let of_idea = |idea_id: &Uuid| by_idea.get(idea_id).unwrap_or(&no_reviews);

    let mut results: Vec<IdeaResult> = ideas
        .iter()
        .map(|idea_id| {
            let indices = of_idea(idea_id);
            let totals: Vec<f64> = indices.iter().map(|&i| reviews[i].total).collect();
            let spread = if totals.len() >= 2 {
                population_sd(&totals)
            } else {
                None
            };
            IdeaResult {
                idea_id: *idea_id,
                raw_score: mean(&totals),
                raw_rank: None,
                calibrated_score: calibration.quality[idea_index[idea_id]].map(|q| q.clamp(0.0, 100.0)),
                calibrated_rank: None,
                spread,
                review_count: totals.len(),
                disagreement: spread.is_some_and(|spread| spread > rules.disagreement_spread),
                rank_shift: false,
                criterion_means: (0..criteria_count)
                    .map(|c| mean(&criterion_values(&reviews, indices, c)))
                    .collect(),
            }
        })
        .collect();

    let raw_ranks = competition_ranks(&results.iter().map(|r| r.raw_score).collect::<Vec<_>>());
    let calibrated_ranks = competition_ranks(&results.iter().map(|r| r.calibrated_score).collect::<Vec<_>>());
    let shift = rules.rank_shift_places(raw_ranks.iter().flatten().count());
    for ((result, raw), calibrated) in results.iter_mut().zip(raw_ranks).zip(calibrated_ranks) {
        result.raw_rank = raw;
        result.calibrated_rank = calibrated;
        result.rank_shift = matches!((raw, calibrated), (Some(r), Some(c)) if r.abs_diff(c) >= shift);
    }

    let reviewers = reviewer_results(&reviews, &juror_ids, &calibration);

    // One unit per distinct idea, so that an id listed twice is not counted twice.
    let distinct: Vec<usize> = seen_once(ideas).collect();
    let units: Vec<&Vec<usize>> = distinct.iter().map(|&i| of_idea(&ideas[i])).collect();
    let units_of = |values: &dyn Fn(usize) -> f64| -> Vec<Vec<f64>> {
        units
            .iter()
            .map(|indices| indices.iter().map(|&i| values(i)).collect())
            .collect()
    };
    let total_units = units_of(&|i| reviews[i].total);
    let pairable: Vec<&Vec<f64>> = total_units.iter().filter(|unit| unit.len() >= 2).collect();
    let (raw_scores, calibrated_scores): (Vec<f64>, Vec<f64>) = distinct
        .iter()
        .filter_map(|&i| Some((results[i].raw_score?, results[i].calibrated_score?)))
        .unzip();
    let agreement = Agreement {
        alpha: krippendorff_alpha_interval(&total_units),
        calibrated_alpha: krippendorff_alpha_interval(&units_of(&|i| calibrated_totals[i])),
        units: pairable.len(),
        pairable_values: pairable.iter().map(|unit| unit.len()).sum(),
        by_criterion: (0..criteria_count)
            .map(|c| {
                let unit_values: Vec<Vec<f64>> = units
                    .iter()
                    .map(|indices| criterion_values(&reviews, indices, c))
                    .collect();
                krippendorff_alpha_interval(&unit_values)
            })
            .collect(),
        rank_correlation: kendall_tau(&raw_scores, &calibrated_scores),
    };

    Ranking {
        ideas: results,
        reviewers,
        agreement,
        graph: jury_graph(reviews.iter().map(|review| (review.idea_id, review.reviewer_id))),
    }
}

/// The positions in `ideas` of each distinct id's first occurrence.
fn seen_once(ideas: &[Uuid]) -> impl Iterator<Item = usize> + '_ {
    let mut seen = HashSet::new();
    ideas
        .iter()
        .enumerate()
        .filter(move |(_, idea_id)| seen.insert(**idea_id))
        .map(|(i, _)| i)
}

/// The finite scores on criterion `c` among the reviews at `indices`.
fn criterion_values(reviews: &[&ScoredReview], indices: &[usize], c: usize) -> Vec<f64> {
    indices
        .iter()
        .filter_map(|&i| reviews[i].criteria.get(c).copied())
        .filter(|value| value.is_finite())
        .collect()
}

/// Each juror's figures, in the order of `juror_ids` (sorted by id).
fn reviewer_results(
    reviews: &[&ScoredReview],
    juror_ids: &[Uuid],
    calibration: &crate::calibration::Calibration,
) -> Vec<ReviewerResult> {
    let mut totals: BTreeMap<Uuid, Vec<f64>> = BTreeMap::new();
    for review in reviews {
        totals.entry(review.reviewer_id).or_default().push(review.total);
    }
    juror_ids
        .iter()
        .enumerate()
        .map(|(j, reviewer_id)| {
            let totals = totals.get(reviewer_id).map(Vec::as_slice).unwrap_or_default();
            ReviewerResult {
                reviewer_id: *reviewer_id,
                // A juror in the list has at least one total, so both are there.
                mean: mean(totals).unwrap_or(0.0),
                spread: population_sd(totals).unwrap_or(0.0),
                review_count: totals.len(),
                offset: calibration.offsets[j],
                offset_uncertainty: calibration.uncertainty[j],
            }
        })
        .collect()
}

/// Competition ranks ("1224"), highest score first; scores within `TIE_TOLERANCE` tie, and no score no rank.
fn competition_ranks(scores: &[Option<f64>]) -> Vec<Option<u32>> {
    let mut descending: Vec<f64> = scores.iter().flatten().copied().filter(|s| s.is_finite()).collect();
    descending.sort_by(|a, b| b.total_cmp(a));
    scores
        .iter()
        .map(|score| {
            let score = score.filter(|s| s.is_finite())?;
            // One more than the number of scores clearly above this one.
            let above = descending.partition_point(|other| *other > score + TIE_TOLERANCE);
            Some(u32::try_from(above).unwrap_or(u32::MAX).saturating_add(1))
        })
        .collect()
}

/// The arithmetic mean; `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

/// The population standard deviation (dividing by n, not n − 1: the reviews are all there is, not a sample);
/// `None` for no values, 0 for one.
pub fn population_sd(values: &[f64]) -> Option<f64> {
    let mean = mean(values)?;
    // Two passes rather than Σx² − n·mean², which loses everything to cancellation when the spread is small.
    let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    Some((squares / values.len() as f64).sqrt())
}

/// Krippendorff's alpha with the interval metric. Each unit (an idea) holds the values it received; a missing
/// value is simply absent. Only units with at least two values are pairable; non-finite values are ignored.
///
/// alpha = 1 − D_o / D_e, with n the number of pairable values,
/// D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j in u} (v_i − v_j)² and D_e = 1/(n(n − 1)) Σ_{i≠j} (v_i − v_j)² over all
/// pairable values. Both sums over pairs are computed in O(n) through Σ_{i≠j} (v_i − v_j)² = 2m Σ (v_i − v̄)².
///
/// `None` when there are fewer than two pairable values or they are all equal (no expected disagreement to
/// compare with).
pub fn krippendorff_alpha_interval(units: &[Vec<f64>]) -> Option<f64> {
    let units: Vec<Vec<f64>> = units
        .iter()
        .map(|unit| unit.iter().copied().filter(|v| v.is_finite()).collect::<Vec<_>>())
        .filter(|unit| unit.len() >= 2)
        .collect();
    let all: Vec<f64> = units.iter().flatten().copied().collect();
    let n = all.len() as f64;
    if all.len() < 2 {
        return None;
    }
    // Equal values would leave D_e at a few ulps of rounding rather than zero; compare them exactly instead.
    let first = all[0];
    if all.iter().all(|v| *v == first) {
        return None;
    }

    let squares = |values: &[f64]| {
        let m = mean(values).unwrap_or(0.0);
        values.iter().map(|v| (v - m).powi(2)).sum::<f64>()
    };
    // Σ_u 1/(m_u − 1) · 2 m_u Σ (v − v̄_u)²
    let within: f64 = units
        .iter()
        .map(|unit| {
            let m = unit.len() as f64;
            2.0 * m * squares(unit) / (m - 1.0)
        })
        .sum();
    let observed = within / n;
    let expected = 2.0 * n * squares(&all) / (n * (n - 1.0));
    if expected <= 0.0 {
        return None;
    }
    Some(1.0 - observed / expected)
}

/// Kendall's tau-b between two paired lists, ties accounted for. `None` when the lengths differ, there are fewer
/// than two pairs, either list is constant, or a value is not finite. O(n log n).
pub fn kendall_tau(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() != b.len() || a.len() < 2 || a.iter().chain(b).any(|v| !v.is_finite()) {
        return None;
    }
    // Knight's algorithm, O(n log n): sort by (a, b), count the ties, then count the discordant pairs as the
    // inversions of b in that order. C − D = pairs − tied_a − tied_b + tied_both − 2·discordant.
    let mut pairs: Vec<(f64, f64)> = a.iter().copied().zip(b.iter().copied()).collect();
    pairs.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.total_cmp(&y.1)));
    let tied_pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let tied_a: u64 = pairs
        .chunk_by(|x, y| x.0 == y.0)
        .map(|run| tied_pairs(run.len() as u64))
        .sum();
    let tied_both: u64 = pairs
        .chunk_by(|x, y| x == y)
        .map(|run| tied_pairs(run.len() as u64))
        .sum();
    let mut bs: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let discordant = inversions(&mut bs);
    // `bs` is now sorted.
    let tied_b: u64 = bs.chunk_by(|x, y| x == y).map(|run| tied_pairs(run.len() as u64)).sum();
    let all = tied_pairs(a.len() as u64);

    let denominator = ((all - tied_a) as f64 * (all - tied_b) as f64).sqrt();
    if denominator == 0.0 {
        return None;
    }
    let difference = all as f64 - tied_a as f64 - tied_b as f64 + tied_both as f64 - 2.0 * discordant as f64;
    Some(difference / denominator)
}

/// Sorts `values` by merge sort and returns how many pairs i < j had values[i] > values[j] (strictly).
fn inversions(values: &mut [f64]) -> u64 {
    let n = values.len();
    if n < 2 {
        return 0;
    }
    let (left, right) = values.split_at_mut(n / 2);
    let mut count = inversions(left) + inversions(right);
    let mut merged = Vec::with_capacity(n);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if right[j] < left[i] {
            // Every value still in `left` is greater than right[j].
            count += (left.len() - i) as u64;
            merged.push(right[j]);
            j += 1;
        } else {
            merged.push(left[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&left[i..]);
    merged.extend_from_slice(&right[j..]);
    values.copy_from_slice(&merged);
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn close(actual: Option<f64>, expected: f64) -> bool {
        actual.is_some_and(|a| (a - expected).abs() < EPS)
    }

    fn ids(n: u128) -> Vec<Uuid> {
        (1..=n).map(Uuid::from_u128).collect()
    }

    fn review(idea: Uuid, reviewer: Uuid, total: f64) -> ScoredReview {
        ScoredReview {
            idea_id: idea,
            reviewer_id: reviewer,
            total,
            criteria: vec![],
        }
    }

    #[test]
    fn a_strict_jury_no_longer_sinks_an_idea_once_calibrated() {
        let ideas = ids(4);
        let (a, b, c, d) = (ideas[0], ideas[1], ideas[2], ideas[3]);
        let jurors: Vec<Uuid> = (101..=103).map(Uuid::from_u128).collect();
        let (lenient, neutral, strict) = (jurors[0], jurors[1], jurors[2]);
        // True qualities A 80, B 65, C 62, D 50; offsets lenient +8, neutral 0, strict −8; no noise:
        //   lenient: A 88, C 70, D 58
        //   neutral: A 80, B 65, D 50
        //   strict:  B 57, C 54, D 42
        let reviews = [
            review(a, lenient, 88.0),
            review(c, lenient, 70.0),
            review(d, lenient, 58.0),
            review(a, neutral, 80.0),
            review(b, neutral, 65.0),
            review(d, neutral, 50.0),
            review(b, strict, 57.0),
            review(c, strict, 54.0),
            review(d, strict, 42.0),
        ];

        // Raw: A 84, B 61, C 62, D 50: C, scored by the lenient juror, beats B, scored by the strict one.
        let ranking = rank(&ideas, 0, &reviews, &RankingRules::default());
        let raw: Vec<_> = ranking.ideas.iter().map(|r| r.raw_score).collect();
        assert_eq!(raw, [Some(84.0), Some(61.0), Some(62.0), Some(50.0)]);
        let raw_ranks: Vec<_> = ranking.ideas.iter().map(|r| r.raw_rank).collect();
        assert_eq!(raw_ranks, [Some(1), Some(3), Some(2), Some(4)]);

        // Calibrated, λ = 5. By symmetry b_neutral = 0 and b_strict = −b_lenient = −x. The lenient row of the
        // system: A_LL = 3 + λ − (1/2 + 1/2 + 1/3) = 5/3 + λ, A_LS = −(1/2 + 1/3) = −5/6,
        // c_L = (88 − 84) + (70 − 62) + (58 − 50) = 20; so (5/3 + λ + 5/6)·x = 20 and x = 20/7.5 = 8/3.
        // A = (88 − 8/3 + 80)/2 = 248/3, B = (65 + 57 + 8/3)/2 = 187/3, C = 62, D = 50: B now beats C.
        let calibrated: Vec<_> = ranking.ideas.iter().map(|r| r.calibrated_score).collect();
        for (actual, expected) in calibrated.iter().zip([248.0 / 3.0, 187.0 / 3.0, 62.0, 50.0]) {
            assert!(close(*actual, expected), "{actual:?} vs {expected}");
        }
        let calibrated_ranks: Vec<_> = ranking.ideas.iter().map(|r| r.calibrated_rank).collect();
        assert_eq!(calibrated_ranks, [Some(1), Some(2), Some(3), Some(4)]);
        let offsets: Vec<f64> = ranking.reviewers.iter().map(|r| r.offset).collect();
        for (actual, expected) in offsets.iter().zip([8.0 / 3.0, 0.0, -8.0 / 3.0]) {
            assert!(close(Some(*actual), expected), "{offsets:?}");
        }
        // Raw and calibrated orders: 6 pairs, B/C discordant: (5 − 1)/6.
        assert!(close(ranking.agreement.rank_correlation, 2.0 / 3.0));
        assert_eq!(ranking.graph.groups, 1);
        assert_eq!(ranking.graph.juror_pairs, 3);

        // With next to no shrinkage and no noise the model recovers the truth exactly: (5/2 + λ)·x = 20, x = 8.
        let rules = RankingRules {
            offset_shrinkage: 1e-6,
            ..RankingRules::default()
        };
        let exact = rank(&ideas, 0, &reviews, &rules);
        let near = |actual: Option<f64>, expected: f64| actual.is_some_and(|a| (a - expected).abs() < 1e-4);
        for (result, truth) in exact.ideas.iter().zip([80.0, 65.0, 62.0, 50.0]) {
            assert!(near(result.calibrated_score, truth), "{result:?}");
        }
        for (reviewer, offset) in exact.reviewers.iter().zip([8.0, 0.0, -8.0]) {
            assert!(near(Some(reviewer.offset), offset), "{reviewer:?}");
            // No noise left (9 reviews − (4 ideas + 3 jurors − 1 group) = 3 degrees): next to no standard error.
            assert!(reviewer.offset_uncertainty.is_some_and(|u| u < 0.01), "{reviewer:?}");
        }
        // The calibrated totals agree perfectly; the raw ones do not.
        assert!(near(exact.agreement.calibrated_alpha, 1.0));
        assert!(exact.agreement.alpha.is_some_and(|alpha| alpha < 1.0));

        // Spreads: A {88, 80} → 4; B {65, 57} → 4; C {70, 54} → 8; D {58, 50, 42} → √(128/3).
        let spreads: Vec<_> = ranking.ideas.iter().map(|r| r.spread).collect();
        for (actual, expected) in spreads.iter().zip([4.0, 4.0, 8.0, (128.0_f64 / 3.0).sqrt()]) {
            assert!(close(*actual, expected), "{actual:?} vs {expected}");
        }
        assert!(ranking.ideas.iter().all(|r| !r.disagreement));
        let counts: Vec<_> = ranking.ideas.iter().map(|r| r.review_count).collect();
        assert_eq!(counts, [2, 2, 2, 3]);
        // Reviewers, sorted by id, with their raw means; a one-place swap among 4 ideas flags nothing.
        let means: Vec<_> = ranking.reviewers.iter().map(|r| (r.reviewer_id, r.mean)).collect();
        assert_eq!(means, [(lenient, 72.0), (neutral, 65.0), (strict, 51.0)]);
        assert!(ranking.reviewers.iter().all(|r| r.review_count == 3));
        assert!(ranking.ideas.iter().all(|r| !r.rank_shift));

        let units = vec![
            vec![88.0, 80.0],
            vec![65.0, 57.0],
            vec![70.0, 54.0],
            vec![58.0, 50.0, 42.0],
        ];
        assert_eq!(ranking.agreement.alpha, krippendorff_alpha_interval(&units));
        assert_eq!(ranking.agreement.units, 4);
        assert_eq!(ranking.agreement.pairable_values, 9);
        assert!(ranking.agreement.by_criterion.is_empty());
    }

    #[test]
    fn an_idea_without_reviews_has_no_score_and_no_rank_and_ties_share_a_rank() {
        let ideas = ids(4);
        let juror = Uuid::from_u128(100);
        // One juror, totals 80, 60, 80: mean 220/3, and ideas 1 and 3 tie.
        let reviews = [
            review(ideas[0], juror, 80.0),
            review(ideas[1], juror, 60.0),
            review(ideas[2], juror, 80.0),
        ];
        let ranking = rank(&ideas, 2, &reviews, &RankingRules::default());
        let raw_ranks: Vec<_> = ranking.ideas.iter().map(|r| r.raw_rank).collect();
        assert_eq!(raw_ranks, [Some(1), Some(3), Some(1), None]);
        let calibrated_ranks: Vec<_> = ranking.ideas.iter().map(|r| r.calibrated_rank).collect();
        assert_eq!(calibrated_ranks, [Some(1), Some(3), Some(1), None]);
        let empty = &ranking.ideas[3];
        assert_eq!(empty.raw_score, None);
        assert_eq!(empty.calibrated_score, None);
        assert_eq!(empty.spread, None);
        assert_eq!(empty.review_count, 0);
        assert!(!empty.disagreement);
        assert_eq!(empty.criterion_means, [None, None]);
        // A single review has no spread.
        assert_eq!(ranking.ideas[0].spread, None);
        // No idea has two reviews: nothing to agree on.
        assert_eq!(ranking.agreement.alpha, None);
        assert_eq!(ranking.agreement.units, 0);
        assert_eq!(ranking.agreement.by_criterion, [None, None]);
    }

    #[test]
    fn competition_ranks_skip_after_ties_within_the_tolerance() {
        let ranks = competition_ranks(&[
            Some(5.0),
            Some(7.0),
            Some(5.0),
            None,
            Some(5.0 + 1e-12),
            Some(1.0),
            Some(f64::NAN),
        ]);
        assert_eq!(ranks, [Some(2), Some(1), Some(2), None, Some(2), Some(5), None]);
        assert_eq!(competition_ranks(&[Some(1.0), Some(1.0 + 1e-6)]), [Some(2), Some(1)]);
        assert!(competition_ranks(&[]).is_empty());
    }

    #[test]
    fn a_sharp_change_of_place_is_flagged() {
        // Ten ideas of true quality 95, 90, …, 50 in pairs of one lenient (+20) and one strict (−20) juror, linked
        // by a third juror who scores every idea truly. The lenient pair's weakest idea rises sharply in raw.
        let ideas = ids(10);
        let (lenient, strict, linker) = (Uuid::from_u128(100), Uuid::from_u128(200), Uuid::from_u128(300));
        let mut reviews = Vec::new();
        for (i, idea) in ideas.iter().enumerate() {
            let truth = 95.0 - 5.0 * i as f64;
            reviews.push(review(*idea, linker, truth));
            // The five weakest go to the lenient juror, the five best to the strict one.
            let (juror, offset) = if i >= 5 { (lenient, 20.0) } else { (strict, -20.0) };
            reviews.push(review(*idea, juror, truth + offset));
        }
        let rules = RankingRules {
            offset_shrinkage: 1e-6,
            ..RankingRules::default()
        };
        let ranking = rank(&ideas, 0, &reviews, &rules);
        // Ten ranked ideas: the threshold is max(3, ⌈10 %·10⌉) = 3 places.
        assert_eq!(rules.rank_shift_places(10), 3);
        assert_eq!(rules.rank_shift_places(250), 25);
        // Calibrated: the truth. Raw: the five best 85, 80, 75, 70, 65 and the five weakest 80, 75, 70, 65, 60,
        // so idea 6 (truth 70, raw 80) ties idea 2 for rank 2 in raw against rank 6 calibrated: 4 places.
        let calibrated: Vec<_> = ranking.ideas.iter().map(|r| r.calibrated_rank).collect();
        assert_eq!(calibrated, (1..=10).map(Some).collect::<Vec<_>>());
        let shifted: Vec<usize> = (0..10).filter(|&i| ranking.ideas[i].rank_shift).collect();
        let raw: Vec<_> = ranking.ideas.iter().map(|r| r.raw_rank).collect();
        assert_eq!(
            raw,
            [
                Some(1),
                Some(2),
                Some(4),
                Some(6),
                Some(8),
                Some(2),
                Some(4),
                Some(6),
                Some(8),
                Some(10)
            ]
        );
        // |raw − calibrated| for ideas 0..10: 0 0 1 2 3 4 3 2 1 0.
        assert_eq!(shifted, [4, 5, 6]);
    }

    #[test]
    fn a_split_jury_is_reported_and_a_lone_juror_keeps_a_zero_offset() {
        let ideas = ids(4);
        let jurors: Vec<Uuid> = (101..=104).map(Uuid::from_u128).collect();
        // Jurors 1 and 2 share ideas 1 and 2; jurors 3 and 4 share ideas 3 and 4: two groups, two pairs.
        let reviews = [
            review(ideas[0], jurors[0], 80.0),
            review(ideas[0], jurors[1], 70.0),
            review(ideas[1], jurors[0], 60.0),
            review(ideas[1], jurors[1], 50.0),
            review(ideas[2], jurors[2], 40.0),
            review(ideas[2], jurors[3], 30.0),
            review(ideas[3], jurors[2], 20.0),
            review(ideas[3], jurors[3], 10.0),
        ];
        let ranking = rank(&ideas, 0, &reviews, &RankingRules::default());
        assert_eq!(ranking.graph.groups, 2);
        assert_eq!(ranking.graph.juror_pairs, 2);
        // A juror alone on their ideas: nothing to compare with, offset 0 and the raw totals.
        let alone = rank(
            &ideas[..2],
            0,
            &[review(ideas[0], jurors[0], 30.0), review(ideas[1], jurors[0], 90.0)],
            &RankingRules::default(),
        );
        assert_eq!(alone.reviewers[0].offset, 0.0);
        assert_eq!(alone.reviewers[0].offset_uncertainty, None);
        assert_eq!(alone.ideas[0].calibrated_score, Some(30.0));
        assert_eq!(alone.graph.groups, 1);
        assert_eq!(alone.graph.juror_pairs, 0);
    }

    #[test]
    fn calibrated_scores_stay_on_the_raw_scale() {
        // The strict juror scores 20 below the fair one on ideas 2 and 3 (offsets −10 and +10 once centred), and
        // alone gives idea 1 a 100: unclamped, its quality would be 100 + 10 = 110.
        let ideas = ids(3);
        let (strict, fair) = (Uuid::from_u128(100), Uuid::from_u128(200));
        let reviews = [
            review(ideas[0], strict, 100.0),
            review(ideas[1], strict, 40.0),
            review(ideas[1], fair, 60.0),
            review(ideas[2], strict, 20.0),
            review(ideas[2], fair, 40.0),
        ];
        let rules = RankingRules {
            offset_shrinkage: 1e-6,
            ..RankingRules::default()
        };
        let ranking = rank(&ideas, 0, &reviews, &rules);
        for result in &ranking.ideas {
            let score = result.calibrated_score.unwrap_or(f64::NAN);
            assert!((0.0..=100.0).contains(&score), "{result:?}");
        }
        assert_eq!(ranking.ideas[0].calibrated_score, Some(100.0));
    }

    #[test]
    fn disagreement_is_a_spread_strictly_above_the_threshold() {
        let ideas = ids(2);
        let (one, two) = (Uuid::from_u128(100), Uuid::from_u128(200));
        // {50, 80}: spread exactly 15. {50, 80.5}: 15.25.
        let reviews = [
            review(ideas[0], one, 50.0),
            review(ideas[0], two, 80.0),
            review(ideas[1], one, 50.0),
            review(ideas[1], two, 80.5),
        ];
        let ranking = rank(&ideas, 0, &reviews, &RankingRules::default());
        assert_eq!(ranking.ideas[0].spread, Some(15.0));
        assert!(!ranking.ideas[0].disagreement);
        assert_eq!(ranking.ideas[1].spread, Some(15.25));
        assert!(ranking.ideas[1].disagreement);
    }

    #[test]
    fn criterion_means_and_agreement_follow_the_rubric_order() {
        let ideas = ids(2);
        let (one, two) = (Uuid::from_u128(100), Uuid::from_u128(200));
        let with = |idea, reviewer, criteria: Vec<f64>| ScoredReview {
            idea_id: idea,
            reviewer_id: reviewer,
            total: 50.0,
            criteria,
        };
        let reviews = [
            with(ideas[0], one, vec![4.0, 7.0]),
            with(ideas[0], two, vec![2.0, 7.0]),
            with(ideas[1], one, vec![1.0, 3.0]),
            // Scored under an older, shorter rubric: it counts in the first mean only.
            with(ideas[1], two, vec![5.0]),
        ];
        let ranking = rank(&ideas, 2, &reviews, &RankingRules::default());
        assert_eq!(ranking.ideas[0].criterion_means, [Some(3.0), Some(7.0)]);
        assert_eq!(ranking.ideas[1].criterion_means, [Some(3.0), Some(3.0)]);
        // Criterion 1: units {4, 2} and {1, 5}. Criterion 2: {7, 7} and {3} (not pairable): all equal → None.
        assert_eq!(
            ranking.agreement.by_criterion,
            [krippendorff_alpha_interval(&[vec![4.0, 2.0], vec![1.0, 5.0]]), None]
        );
        // Every total is 50: no expected disagreement, no alpha.
        assert_eq!(ranking.agreement.alpha, None);
        assert_eq!(ranking.agreement.units, 2);
        assert_eq!(ranking.agreement.pairable_values, 4);
    }

    #[test]
    fn reviews_of_unlisted_ideas_and_unusable_totals_are_left_out() {
        let ideas = ids(2);
        let juror = Uuid::from_u128(100);
        let reviews = [
            review(ideas[0], juror, 40.0),
            review(ideas[1], juror, 60.0),
            review(Uuid::from_u128(99), juror, 100.0),
            review(ideas[1], juror, f64::NAN),
        ];
        let ranking = rank(&ideas, 0, &reviews, &RankingRules::default());
        assert_eq!(ranking.reviewers.len(), 1);
        assert_eq!(ranking.reviewers[0].mean, 50.0);
        assert_eq!(ranking.reviewers[0].review_count, 2);
        assert_eq!(ranking.ideas[1].review_count, 1);
        assert_eq!(ranking.ideas[1].raw_score, Some(60.0));
    }

    #[test]
    fn mean_and_population_sd() {
        assert_eq!(mean(&[]), None);
        assert_eq!(population_sd(&[]), None);
        assert_eq!(mean(&[2.0, 4.0, 9.0]), Some(5.0));
        assert_eq!(population_sd(&[7.0]), Some(0.0));
        // {2, 4, 4, 4, 5, 5, 7, 9}: mean 5, squared deviations sum 32, /8 = 4 → 2.
        assert_eq!(population_sd(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]), Some(2.0));
    }

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", reliability data with 4 observers,
    /// 12 units and missing values; the published interval alpha is 0.849.
    #[test]
    fn alpha_matches_krippendorffs_worked_example() {
        let dot = f64::NAN;
        let observers = [
            [1.0, 2.0, 3.0, 3.0, 2.0, 1.0, 4.0, 1.0, 2.0, dot, dot, dot],
            [1.0, 2.0, 3.0, 3.0, 2.0, 2.0, 4.0, 1.0, 2.0, 5.0, dot, 3.0],
            [dot, 3.0, 3.0, 3.0, 2.0, 3.0, 4.0, 2.0, 2.0, 5.0, 1.0, dot],
            [1.0, 2.0, 3.0, 3.0, 2.0, 4.0, 4.0, 1.0, 2.0, 5.0, 1.0, dot],
        ];
        let units: Vec<Vec<f64>> = (0..12)
            .map(|u| observers.iter().map(|o| o[u]).filter(|v| !v.is_nan()).collect())
            .collect();
        let alpha = krippendorff_alpha_interval(&units);
        assert!(alpha.is_some_and(|a| (a - 0.849).abs() < 0.0005), "{alpha:?}");

        // Missing values may also be passed as NaN: they are ignored the same way.
        let with_nan: Vec<Vec<f64>> = (0..12).map(|u| observers.iter().map(|o| o[u]).collect()).collect();
        assert_eq!(krippendorff_alpha_interval(&with_nan), alpha);
    }

    #[test]
    fn alpha_of_perfect_agreement_is_one_and_needs_pairable_values() {
        let agreeing = vec![vec![1.0, 1.0, 1.0], vec![4.0, 4.0], vec![9.0, 9.0, 9.0]];
        assert_eq!(krippendorff_alpha_interval(&agreeing), Some(1.0));
        // A single unit has no expected disagreement to compare with unless its values differ; here they do not.
        assert_eq!(krippendorff_alpha_interval(&[vec![3.0, 3.0]]), None);
        assert_eq!(krippendorff_alpha_interval(&[vec![3.0], vec![4.0], vec![5.0]]), None);
        assert_eq!(krippendorff_alpha_interval(&[]), None);
        // A single unit with differing values: D_o = D_e, alpha 0.
        assert!(close(krippendorff_alpha_interval(&[vec![1.0, 3.0]]), 0.0));
        // Systematic disagreement falls below zero: units {1, 2} and {2, 1}.
        // D_o = (1/4)(2·1 + 2·1) = 1; D_e = (1/12)·8 pairs of ±1 = 2/3; alpha = 1 − 1.5 = −0.5.
        assert!(close(
            krippendorff_alpha_interval(&[vec![1.0, 2.0], vec![2.0, 1.0]]),
            -0.5
        ));
    }

    #[test]
    fn alpha_is_linear_on_thirty_thousand_values() {
        let units: Vec<Vec<f64>> = (0..10_000)
            .map(|u| {
                let q = (u % 97) as f64;
                vec![q, q + 1.0, q + ((u % 3) as f64)]
            })
            .collect();
        let alpha = krippendorff_alpha_interval(&units);
        assert!(alpha.is_some_and(|a| a > 0.99 && a < 1.0), "{alpha:?}");
    }

    #[test]
    #[ignore = "timing: run with --release -- --ignored --nocapture"]
    fn ten_thousand_ideas_rank_quickly() {
        // 10,000 ideas, 400 jurors, 3 reviews each on a rotating roster (connected), totals from a fixed formula.
        let ideas = ids(10_000);
        let jurors: Vec<Uuid> = (0..400_u128).map(|j| Uuid::from_u128(1_000_000 + j)).collect();
        let mut reviews = Vec::with_capacity(30_000);
        for (i, idea) in ideas.iter().enumerate() {
            for k in 0..3 {
                let j = (i * 3 + k * 7 + i / 400) % 400;
                let total = ((i * 37 + j * 11) % 100) as f64;
                reviews.push(ScoredReview {
                    idea_id: *idea,
                    reviewer_id: jurors[j],
                    total,
                    criteria: vec![total; 6],
                });
            }
        }
        let started = std::time::Instant::now();
        let ranking = rank(&ideas, 6, &reviews, &RankingRules::default());
        eprintln!(
            "10,000 ideas × 400 jurors × 3 reviews: {:?} (groups {}, juror pairs {})",
            started.elapsed(),
            ranking.graph.groups,
            ranking.graph.juror_pairs
        );
        assert_eq!(ranking.reviewers.len(), 400);
    }

    /// The definition, pair by pair: the reference the O(n log n) count is checked against.
    fn kendall_tau_by_pairs(a: &[f64], b: &[f64]) -> f64 {
        let (mut concordant, mut discordant, mut tied_a, mut tied_b, mut pairs) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for i in 0..a.len() {
            for j in i + 1..a.len() {
                pairs += 1.0;
                let (da, db) = (a[i] - a[j], b[i] - b[j]);
                tied_a += f64::from(u8::from(da == 0.0));
                tied_b += f64::from(u8::from(db == 0.0));
                concordant += f64::from(u8::from(da * db > 0.0));
                discordant += f64::from(u8::from(da * db < 0.0));
            }
        }
        (concordant - discordant) / ((pairs - tied_a) * (pairs - tied_b)).sqrt()
    }

    #[test]
    fn kendall_tau_agrees_with_the_pairwise_definition_on_tied_data() {
        // A deterministic sequence with many ties on both sides.
        let a: Vec<f64> = (0..300_u64).map(|i| ((i * 7919) % 23) as f64).collect();
        let b: Vec<f64> = (0..300_u64)
            .map(|i| ((i * 104_729 + i * i) % 17) as f64 + a[i as usize] / 4.0)
            .collect();
        let fast = kendall_tau(&a, &b).unwrap_or(f64::NAN);
        assert!((fast - kendall_tau_by_pairs(&a, &b)).abs() < 1e-12, "{fast}");
        let reversed: Vec<f64> = b.iter().map(|v| -v).collect();
        assert!((kendall_tau(&a, &reversed).unwrap_or(f64::NAN) + fast).abs() < 1e-12);
    }

    #[test]
    fn kendall_tau_b_handles_ties() {
        assert_eq!(kendall_tau(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), Some(1.0));
        assert_eq!(kendall_tau(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
        // a = 1 2 3 4, b = 1 3 2 4: 6 pairs, one discordant (2,3): (5 − 1)/6 = 2/3.
        assert!(close(
            kendall_tau(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]),
            2.0 / 3.0
        ));
        // a = 1 1 2 3, b = 1 2 2 3: pairs (i<j): (12) a-tie, (13) C, (14) C, (23) b-tie, (24) C, (34) C.
        // C = 4, D = 0, a has 1 tie, b has 1 tie: 4 / √(5·5) = 0.8.
        assert!(close(kendall_tau(&[1.0, 1.0, 2.0, 3.0], &[1.0, 2.0, 2.0, 3.0]), 0.8));
        assert_eq!(kendall_tau(&[1.0, 2.0], &[1.0]), None);
        assert_eq!(kendall_tau(&[1.0], &[1.0]), None);
        assert_eq!(kendall_tau(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(kendall_tau(&[1.0, 2.0, 3.0], &[5.0, 5.0, 5.0]), None);
        assert_eq!(kendall_tau(&[1.0, f64::NAN], &[1.0, 2.0]), None);
    }
}
