//! A call's ranking from its submitted reviews: each idea's raw and calibrated score and rank, its spread and
//! disagreement flag, each reviewer's strictness, and the jury's agreement (DESIGN.md, "Scores, done right").
//!
//! **Raw score**: the mean of the idea's review totals (each 0–100, see `rubric::Rubric::total`). **Spread**: the
//! population standard deviation of those totals, with two reviews or more; an idea is flagged for discussion
//! when its spread is strictly greater than `RankingRules::disagreement_spread`.
//!
//! **Calibrated score**: jurors differ in strictness, and an idea that drew a strict jury should not lose to one
//! that drew a lenient one. Each review's total is turned into a z-score against its reviewer:
//! - a reviewer with at least `RankingRules::min_reviews_for_calibration` reviews in the call is measured against
//!   themselves: z = (total − their mean) / their population SD;
//! - a reviewer with fewer is too little known for that, and is treated as a juror of average strictness:
//!   z = (total − jury mean) / jury population SD, over every review total in the call;
//! - when the SD used is zero (a reviewer who gave every idea the same total, or a jury that did), z = 0: such
//!   totals say nothing about order.
//!
//! An idea's calibrated score is the mean of its reviews' z-scores. It is on no fixed scale: 0 is an average
//! review, +1 a review one standard deviation above its reviewer's usual.
//!
//! **Ranks**: competition ranking ("1224") by score, highest first, raw and calibrated separately; scores within
//! 1e-9 of each other are tied, and an idea without reviews has no rank.
//!
//! **Agreement**: Krippendorff's alpha with the interval metric, over the review totals (ideas are the units)
//! and over each criterion's raw scores.

use std::collections::{BTreeMap, HashMap, HashSet};

use uuid::Uuid;

/// Scores this close are the same score for ranking.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// A standard deviation at or below this counts as zero: a reviewer whose totals are all equal gets an SD of a
/// few ulps from rounding, and dividing by it would blow rounding noise up into z-scores of ±1.
const ZERO_SD: f64 = 1e-9;

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
    /// The fewest reviews a reviewer must have in the call to be calibrated against their own mean and spread.
    pub min_reviews_for_calibration: usize,
    /// The spread of totals (on 0–100) above which an idea is flagged for discussion.
    pub disagreement_spread: f64,
}

impl Default for RankingRules {
    fn default() -> Self {
        RankingRules {
            min_reviews_for_calibration: 3,
            disagreement_spread: 15.0,
        }
    }
}

/// One idea's place in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct IdeaResult {
    pub idea_id: Uuid,
    /// The mean of its review totals; `None` without reviews.
    pub raw_score: Option<f64>,
    pub raw_rank: Option<u32>,
    /// The mean of its reviews' z-scores; `None` without reviews.
    pub calibrated_score: Option<f64>,
    pub calibrated_rank: Option<u32>,
    /// The population SD of its review totals; `None` with fewer than two reviews.
    pub spread: Option<f64>,
    pub review_count: usize,
    /// Whether the spread is above the call's threshold.
    pub disagreement: bool,
    /// The mean of each criterion's raw score over its reviews, in rubric order.
    pub criterion_means: Vec<Option<f64>>,
}

/// How one reviewer scored across the call.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewerResult {
    pub reviewer_id: Uuid,
    /// The mean of their review totals: their leniency.
    pub mean: f64,
    /// The population SD of their review totals.
    pub spread: f64,
    pub review_count: usize,
    /// Whether their own mean and spread calibrate their reviews (else the jury's do).
    pub calibrated_alone: bool,
}

/// How far the jury agrees, by Krippendorff's alpha (interval metric).
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// Over the review totals; `None` when it cannot be computed (fewer than two pairable values, or all equal).
    pub alpha: Option<f64>,
    /// Ideas with at least two reviews.
    pub units: usize,
    /// Reviews of those ideas.
    pub pairable_values: usize,
    /// Alpha per criterion, rubric order.
    pub by_criterion: Vec<Option<f64>>,
}

/// A call's ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// In the order of the `ideas` given to `rank`.
    pub ideas: Vec<IdeaResult>,
    /// Sorted by reviewer id.
    pub reviewers: Vec<ReviewerResult>,
    pub agreement: Agreement,
}

/// Ranks `ideas` from their `reviews` under a rubric of `criteria_count` criteria (see the module doc for the
/// rules).
///
/// Reviews of ideas not in `ideas`, and reviews whose total is not a finite number, are left out of everything,
/// including the reviewers' means: the ranking is about exactly the ideas given. A review's criterion scores
/// beyond `criteria_count`, or missing from it, are skipped in the per-criterion figures only.
pub fn rank(ideas: &[Uuid], criteria_count: usize, reviews: &[ScoredReview], rules: &RankingRules) -> Ranking {
    let listed: HashSet<Uuid> = ideas.iter().copied().collect();
    let reviews: Vec<&ScoredReview> = reviews
        .iter()
        .filter(|review| listed.contains(&review.idea_id) && review.total.is_finite())
        .collect();

    let reviewers = reviewer_results(&reviews, rules);
    let z_scores = z_scores(&reviews, &reviewers);

    // Each idea's reviews, as indices into `reviews` (and `z_scores`), in input order.
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
            let zs: Vec<f64> = indices.iter().map(|&i| z_scores[i]).collect();
            let spread = if totals.len() >= 2 {
                population_sd(&totals)
            } else {
                None
            };
            IdeaResult {
                idea_id: *idea_id,
                raw_score: mean(&totals),
                raw_rank: None,
                calibrated_score: mean(&zs),
                calibrated_rank: None,
                spread,
                review_count: totals.len(),
                disagreement: spread.is_some_and(|spread| spread > rules.disagreement_spread),
                criterion_means: (0..criteria_count)
                    .map(|c| mean(&criterion_values(&reviews, indices, c)))
                    .collect(),
            }
        })
        .collect();

    let raw_ranks = competition_ranks(&results.iter().map(|r| r.raw_score).collect::<Vec<_>>());
    let calibrated_ranks = competition_ranks(&results.iter().map(|r| r.calibrated_score).collect::<Vec<_>>());
    for ((result, raw), calibrated) in results.iter_mut().zip(raw_ranks).zip(calibrated_ranks) {
        result.raw_rank = raw;
        result.calibrated_rank = calibrated;
    }

    // One unit per distinct idea, so that an id listed twice is not counted twice.
    let mut seen = HashSet::new();
    let units: Vec<&Vec<usize>> = ideas
        .iter()
        .filter(|idea_id| seen.insert(**idea_id))
        .map(of_idea)
        .collect();
    let total_units: Vec<Vec<f64>> = units
        .iter()
        .map(|indices| indices.iter().map(|&i| reviews[i].total).collect())
        .collect();
    let pairable: Vec<&Vec<f64>> = total_units.iter().filter(|unit| unit.len() >= 2).collect();
    let agreement = Agreement {
        alpha: krippendorff_alpha_interval(&total_units),
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
    };

    Ranking {
        ideas: results,
        reviewers,
        agreement,
    }
}

/// The finite scores on criterion `c` among the reviews at `indices`.
fn criterion_values(reviews: &[&ScoredReview], indices: &[usize], c: usize) -> Vec<f64> {
    indices
        .iter()
        .filter_map(|&i| reviews[i].criteria.get(c).copied())
        .filter(|value| value.is_finite())
        .collect()
}

/// Each reviewer's mean and spread, sorted by reviewer id.
fn reviewer_results(reviews: &[&ScoredReview], rules: &RankingRules) -> Vec<ReviewerResult> {
    let mut totals: BTreeMap<Uuid, Vec<f64>> = BTreeMap::new();
    for review in reviews {
        totals.entry(review.reviewer_id).or_default().push(review.total);
    }
    totals
        .into_iter()
        .map(|(reviewer_id, totals)| ReviewerResult {
            reviewer_id,
            // A reviewer in the map has at least one total, so both are there.
            mean: mean(&totals).unwrap_or(0.0),
            spread: population_sd(&totals).unwrap_or(0.0),
            review_count: totals.len(),
            calibrated_alone: totals.len() >= rules.min_reviews_for_calibration,
        })
        .collect()
}

/// Each review's z-score, in the order of `reviews`.
fn z_scores(reviews: &[&ScoredReview], reviewers: &[ReviewerResult]) -> Vec<f64> {
    let all_totals: Vec<f64> = reviews.iter().map(|review| review.total).collect();
    let jury = (
        mean(&all_totals).unwrap_or(0.0),
        population_sd(&all_totals).unwrap_or(0.0),
    );
    let own: HashMap<Uuid, (f64, f64)> = reviewers
        .iter()
        .filter(|reviewer| reviewer.calibrated_alone)
        .map(|reviewer| (reviewer.reviewer_id, (reviewer.mean, reviewer.spread)))
        .collect();
    reviews
        .iter()
        .map(|review| {
            let (mean, sd) = own.get(&review.reviewer_id).copied().unwrap_or(jury);
            if sd > ZERO_SD { (review.total - mean) / sd } else { 0.0 }
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
/// than two pairs, either list is constant, or a value is not finite. O(n²).
pub fn kendall_tau(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() != b.len() || a.len() < 2 || a.iter().chain(b).any(|v| !v.is_finite()) {
        return None;
    }
    let (mut concordant, mut discordant) = (0_i64, 0_i64);
    let (mut tied_a, mut tied_b, mut pairs) = (0_i64, 0_i64, 0_i64);
    for i in 0..a.len() {
        for j in i + 1..a.len() {
            pairs += 1;
            let da = a[i] - a[j];
            let db = b[i] - b[j];
            if da == 0.0 {
                tied_a += 1;
            }
            if db == 0.0 {
                tied_b += 1;
            }
            if da * db > 0.0 {
                concordant += 1;
            } else if da * db < 0.0 {
                discordant += 1;
            }
        }
    }
    let denominator = (((pairs - tied_a) as f64) * ((pairs - tied_b) as f64)).sqrt();
    if denominator == 0.0 {
        return None;
    }
    Some((concordant - discordant) as f64 / denominator)
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
        // Each juror scores three ideas at their mean + d, mean, mean − d (d = 10), so each has a population
        // SD of 10·√(2/3) and z-scores of +k, 0, −k with k = 10 / (10·√(2/3)) = √1.5 ≈ 1.2247.
        //   lenient (mean 85): A 95, C 85, D 75
        //   neutral (mean 70): A 80, B 70, D 60
        //   strict  (mean 40): B 50, C 40, D 30
        let reviews = [
            review(a, lenient, 95.0),
            review(c, lenient, 85.0),
            review(d, lenient, 75.0),
            review(a, neutral, 80.0),
            review(b, neutral, 70.0),
            review(d, neutral, 60.0),
            review(b, strict, 50.0),
            review(c, strict, 40.0),
            review(d, strict, 30.0),
        ];
        let ranking = rank(&ideas, 0, &reviews, &RankingRules::default());
        let k = 1.5_f64.sqrt();

        // Raw: A (95+80)/2 = 87.5, B (70+50)/2 = 60, C (85+40)/2 = 62.5, D (75+60+30)/3 = 55.
        // C, scored by the lenient juror, beats B, scored by the strict one.
        let raw: Vec<_> = ranking.ideas.iter().map(|r| r.raw_score).collect();
        assert_eq!(raw, [Some(87.5), Some(60.0), Some(62.5), Some(55.0)]);
        let raw_ranks: Vec<_> = ranking.ideas.iter().map(|r| r.raw_rank).collect();
        assert_eq!(raw_ranks, [Some(1), Some(3), Some(2), Some(4)]);

        // Calibrated: A (k + k)/2 = k, B (0 + k)/2 = k/2, C (0 + 0)/2 = 0, D (−k −k −k)/3 = −k.
        let calibrated: Vec<_> = ranking.ideas.iter().map(|r| r.calibrated_score).collect();
        for (actual, expected) in calibrated.iter().zip([k, k / 2.0, 0.0, -k]) {
            assert!(close(*actual, expected), "{actual:?} vs {expected}");
        }
        let calibrated_ranks: Vec<_> = ranking.ideas.iter().map(|r| r.calibrated_rank).collect();
        assert_eq!(calibrated_ranks, [Some(1), Some(2), Some(3), Some(4)]);

        // Spreads: A {95, 80} → 7.5; B {70, 50} → 10; C {85, 40} → 22.5;
        // D {75, 60, 30}: mean 55, deviations 20, 5, −25 → √((400 + 25 + 625)/3) = √350 ≈ 18.71.
        let spreads: Vec<_> = ranking.ideas.iter().map(|r| r.spread).collect();
        for (actual, expected) in spreads.iter().zip([7.5, 10.0, 22.5, 350.0_f64.sqrt()]) {
            assert!(close(*actual, expected), "{actual:?} vs {expected}");
        }
        let flags: Vec<_> = ranking.ideas.iter().map(|r| r.disagreement).collect();
        assert_eq!(flags, [false, false, true, true]);
        let counts: Vec<_> = ranking.ideas.iter().map(|r| r.review_count).collect();
        assert_eq!(counts, [2, 2, 2, 3]);

        // Reviewers, sorted by id: their means are their leniency.
        let means: Vec<_> = ranking.reviewers.iter().map(|r| (r.reviewer_id, r.mean)).collect();
        assert_eq!(means, [(lenient, 85.0), (neutral, 70.0), (strict, 40.0)]);
        for reviewer in &ranking.reviewers {
            assert!(close(Some(reviewer.spread), 10.0 * (2.0_f64 / 3.0).sqrt()));
            assert_eq!(reviewer.review_count, 3);
            assert!(reviewer.calibrated_alone);
        }

        // Agreement over the totals is the alpha of the ideas' totals as units.
        let units = vec![
            vec![95.0, 80.0],
            vec![70.0, 50.0],
            vec![85.0, 40.0],
            vec![75.0, 60.0, 30.0],
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
    fn a_reviewer_with_few_reviews_is_measured_against_the_whole_jury() {
        let ideas = ids(3);
        let (x, y, z) = (ideas[0], ideas[1], ideas[2]);
        let (regular, occasional) = (Uuid::from_u128(100), Uuid::from_u128(200));
        let reviews = [
            review(x, regular, 60.0),
            review(y, regular, 70.0),
            review(z, regular, 80.0),
            review(x, occasional, 50.0),
            review(y, occasional, 90.0),
        ];
        let ranking = rank(&ideas, 0, &reviews, &RankingRules::default());
        // Regular (3 reviews): mean 70, SD 10·√(2/3), z = −k, 0, +k with k = √1.5.
        // Occasional (2 reviews): against all five totals {60, 70, 80, 50, 90}: mean 70,
        // SD √((100 + 0 + 100 + 400 + 400)/5) = √200, so z = −20/√200 = −√2 and +√2.
        let (k, r2) = (1.5_f64.sqrt(), 2.0_f64.sqrt());
        let calibrated: Vec<_> = ranking.ideas.iter().map(|r| r.calibrated_score).collect();
        for (actual, expected) in calibrated.iter().zip([(-k - r2) / 2.0, r2 / 2.0, k]) {
            assert!(close(*actual, expected), "{actual:?} vs {expected}");
        }
        let alone: Vec<_> = ranking
            .reviewers
            .iter()
            .map(|r| (r.reviewer_id, r.calibrated_alone))
            .collect();
        assert_eq!(alone, [(regular, true), (occasional, false)]);

        // With the threshold at 2, both stand alone: occasional's z = ±1 (mean 70, SD 20).
        let rules = RankingRules {
            min_reviews_for_calibration: 2,
            ..RankingRules::default()
        };
        let ranking = rank(&ideas, 0, &reviews, &rules);
        let calibrated: Vec<_> = ranking.ideas.iter().map(|r| r.calibrated_score).collect();
        for (actual, expected) in calibrated.iter().zip([(-k - 1.0) / 2.0, 0.5, k]) {
            assert!(close(*actual, expected), "{actual:?} vs {expected}");
        }
    }

    #[test]
    fn a_juror_who_gives_everyone_the_same_total_tells_nothing_about_order() {
        let ideas = ids(3);
        let (flat, discerning) = (Uuid::from_u128(100), Uuid::from_u128(200));
        let mut reviews = Vec::new();
        for (idea, total) in ideas.iter().zip([50.0, 60.0, 70.0]) {
            // Three totals of 0.1 average to 0.10000000000000002: an SD of about 1e-17 that must count as none,
            // or every z would be −1.
            reviews.push(review(*idea, flat, 0.1));
            reviews.push(review(*idea, discerning, total));
        }
        let ranking = rank(&ideas, 0, &reviews, &RankingRules::default());
        // Flat: z = 0 everywhere. Discerning: −k, 0, +k. Calibrated: −k/2, 0, k/2.
        let k = 1.5_f64.sqrt();
        let calibrated: Vec<_> = ranking.ideas.iter().map(|r| r.calibrated_score).collect();
        for (actual, expected) in calibrated.iter().zip([-k / 2.0, 0.0, k / 2.0]) {
            assert!(close(*actual, expected), "{actual:?} vs {expected}");
        }
        assert!(ranking.reviewers[0].spread > 0.0 && ranking.reviewers[0].spread < ZERO_SD);

        // A jury where every total is the same: everything is zero and everyone ties.
        let same: Vec<_> = ideas.iter().map(|idea| review(*idea, flat, 70.0)).collect();
        let ranking = rank(&ideas, 0, &same, &RankingRules::default());
        for result in &ranking.ideas {
            assert_eq!(result.calibrated_score, Some(0.0));
            assert_eq!(result.calibrated_rank, Some(1));
            assert_eq!(result.raw_rank, Some(1));
        }
        // And the same for a newcomer measured against a flat jury.
        let ranking = rank(&ideas[..2], 0, &same[..2], &RankingRules::default());
        assert_eq!(ranking.ideas[0].calibrated_score, Some(0.0));
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
