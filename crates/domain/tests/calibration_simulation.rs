//! Does calibration earn its place? Simulated calls whose truth is known: 250 ideas of true quality ~ N(60, 12),
//! 20 jurors, three reviews per idea, each review = quality + the juror's offset + noise ~ N(0, 8), clamped to
//! 0–100. Each scenario is run over `SEEDS` calls; the figure is Kendall's tau between a ranking and the true
//! quality, averaged, with the standard error of the mean difference from raw.
//!
//! The scenarios (SD: the quality's standard deviation, 12 points):
//! - **strong**: half the jurors lenient by 1.2 SD, half strict by 1.2 SD, reviews spread at random;
//! - **none**: every juror fair, where calibration can only add noise;
//! - **concentrated**: the same lenient and strict halves, but lenient jurors get 80 % (or 95 %) of the better
//!   half's reviews and strict jurors as much of the weaker half's (expertise teams, back-ups): raw is helped
//!   there by the very leniency it ignores, and calibration must not flatten the real difference (z-scores
//!   do: they read the better batch as leniency);
//! - **normal**: offsets drawn from N(0, 0.5 SD).
//!
//! "z-scores" is the first method, kept here as the reference: each review's total against its juror's own mean
//! and spread (jurors with at least 3 reviews), the idea's score the mean of its z-scores.
//!
//! Run with `cargo test --release -p domain --test calibration_simulation -- --nocapture` to see the table.

use std::collections::HashMap;

use domain::ranking::{RankingRules, ScoredReview, kendall_tau, mean, population_sd, rank};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

const IDEAS: usize = 250;
const JURORS: usize = 20;
const REVIEWS_PER_IDEA: usize = 3;
const QUALITY_SD: f64 = 12.0;
const NOISE_SD: f64 = 8.0;
const SEEDS: u64 = 60;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Scenario {
    Strong,
    None,
    /// The share of a seat that goes to the side matching the idea's half.
    Concentrated(f64),
    Normal,
}

/// A draw from N(mean, sd), by Box–Muller (no dependency beyond rand's uniform draws).
fn normal(rng: &mut StdRng, mean: f64, sd: f64) -> f64 {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    mean + sd * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Kendall's tau to the truth of the raw, z-scored and calibrated rankings of one simulated call.
fn one_call(seed: u64, scenario: Scenario) -> [f64; 3] {
    let mut rng = StdRng::seed_from_u64(seed);
    let ideas: Vec<Uuid> = (0..IDEAS as u128).map(Uuid::from_u128).collect();
    let jurors: Vec<Uuid> = (0..JURORS as u128).map(|j| Uuid::from_u128(1_000_000 + j)).collect();
    let quality: Vec<f64> = ideas.iter().map(|_| normal(&mut rng, 60.0, QUALITY_SD)).collect();
    // Jurors 0..10 lenient, 10..20 strict in the two-sided scenarios.
    let lenient = |j: usize| j < JURORS / 2;
    let offset: Vec<f64> = (0..JURORS)
        .map(|j| match scenario {
            Scenario::None => 0.0,
            Scenario::Normal => normal(&mut rng, 0.0, 0.5 * QUALITY_SD),
            Scenario::Strong | Scenario::Concentrated(_) => {
                if lenient(j) {
                    1.2 * QUALITY_SD
                } else {
                    -1.2 * QUALITY_SD
                }
            }
        })
        .collect();
    let mut sorted = quality.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[IDEAS / 2];

    // Each idea goes to the least-loaded jurors, ties broken at random, so loads stay within one of each other
    // while the trios keep changing. When concentrated, each seat first draws the side (lenient or strict) it
    // prefers, 80 % towards the side that matches the idea's half, and takes the least-loaded juror of it.
    let mut load = [0_usize; JURORS];
    let mut reviews = Vec::with_capacity(IDEAS * REVIEWS_PER_IDEA);
    for (idea, &q) in ideas.iter().zip(&quality) {
        let mut chosen: Vec<usize> = Vec::new();
        for _ in 0..REVIEWS_PER_IDEA {
            let mut order: Vec<usize> = (0..JURORS).filter(|j| !chosen.contains(j)).collect();
            order.shuffle(&mut rng);
            order.sort_by_key(|&j| load[j]);
            if let Scenario::Concentrated(share) = scenario {
                let want_lenient = (q >= median) == (rng.random::<f64>() < share);
                order.sort_by_key(|&j| lenient(j) != want_lenient);
            }
            chosen.push(order[0]);
            load[order[0]] += 1;
        }
        for &j in &chosen {
            let total = (q + offset[j] + normal(&mut rng, 0.0, NOISE_SD)).clamp(0.0, 100.0);
            reviews.push(ScoredReview {
                idea_id: *idea,
                reviewer_id: jurors[j],
                total,
                criteria: vec![total],
            });
        }
    }

    let ranking = rank(&ideas, 1, &reviews, &RankingRules::default());
    assert_eq!(ranking.graph.groups, 1, "every simulated jury is connected");
    let raw: Vec<f64> = ranking.ideas.iter().filter_map(|r| r.raw_score).collect();
    let calibrated: Vec<f64> = ranking.ideas.iter().filter_map(|r| r.calibrated_score).collect();
    let tau = |scores: &[f64]| kendall_tau(scores, &quality).unwrap_or(f64::NAN);
    [tau(&raw), tau(&z_scored(&ideas, &reviews)), tau(&calibrated)]
}

/// The first method: each idea's mean z-score, a juror with at least 3 reviews against their own mean and SD,
/// one with fewer against the whole jury's.
fn z_scored(ideas: &[Uuid], reviews: &[ScoredReview]) -> Vec<f64> {
    let mut by_juror: HashMap<Uuid, Vec<f64>> = HashMap::new();
    for review in reviews {
        by_juror.entry(review.reviewer_id).or_default().push(review.total);
    }
    let all: Vec<f64> = reviews.iter().map(|r| r.total).collect();
    let jury = (mean(&all).unwrap_or(0.0), population_sd(&all).unwrap_or(0.0));
    let mut z_of_idea: HashMap<Uuid, Vec<f64>> = HashMap::new();
    for review in reviews {
        let totals = &by_juror[&review.reviewer_id];
        let (m, sd) = if totals.len() >= 3 {
            (mean(totals).unwrap_or(0.0), population_sd(totals).unwrap_or(0.0))
        } else {
            jury
        };
        let z = if sd > 1e-9 { (review.total - m) / sd } else { 0.0 };
        z_of_idea.entry(review.idea_id).or_default().push(z);
    }
    ideas.iter().filter_map(|idea| mean(z_of_idea.get(idea)?)).collect()
}

/// Mean taus over the seeds (raw, z-scores, calibrated) and the standard errors of (z − raw) and
/// (calibrated − raw).
struct Outcome {
    raw: f64,
    z: f64,
    calibrated: f64,
    z_error: f64,
    calibrated_error: f64,
}

impl Outcome {
    fn gain(&self) -> f64 {
        self.calibrated - self.raw
    }
}

fn simulate(scenario: Scenario) -> Outcome {
    let taus: Vec<[f64; 3]> = (0..SEEDS).map(|seed| one_call(seed, scenario)).collect();
    let column = |k: usize| taus.iter().map(|t| t[k]).collect::<Vec<_>>();
    let error = |k: usize| {
        let differences: Vec<f64> = taus.iter().map(|t| t[k] - t[0]).collect();
        population_sd(&differences).unwrap_or(f64::NAN) / ((SEEDS - 1) as f64).sqrt()
    };
    let outcome = Outcome {
        raw: mean(&column(0)).unwrap_or(f64::NAN),
        z: mean(&column(1)).unwrap_or(f64::NAN),
        calibrated: mean(&column(2)).unwrap_or(f64::NAN),
        z_error: error(1),
        calibrated_error: error(2),
    };
    println!(
        "| {scenario:?} | {:.3} | {:.3} ({:+.3} ± {:.3}) | {:.3} ({:+.3} ± {:.3}) |",
        outcome.raw,
        outcome.z,
        outcome.z - outcome.raw,
        outcome.z_error,
        outcome.calibrated,
        outcome.gain(),
        outcome.calibrated_error,
    );
    outcome
}

#[test]
fn with_strong_leniency_and_strictness_calibration_beats_raw_by_far() {
    let outcome = simulate(Scenario::Strong);
    assert!(outcome.gain() >= 0.15, "gain {:.3}", outcome.gain());
}

#[test]
fn with_fair_jurors_calibration_costs_next_to_nothing() {
    let outcome = simulate(Scenario::None);
    assert!(outcome.gain() >= -0.01, "gain {:.3}", outcome.gain());
}

#[test]
fn when_lenient_jurors_review_the_better_ideas_calibration_does_not_flatten_them() {
    for share in [0.8, 0.95] {
        let outcome = simulate(Scenario::Concentrated(share));
        assert!(outcome.gain() >= -0.05, "share {share}: gain {:.3}", outcome.gain());
    }
}

#[test]
fn with_offsets_drawn_from_a_normal_distribution_calibration_beats_raw() {
    let outcome = simulate(Scenario::Normal);
    assert!(
        outcome.gain() > 2.0 * outcome.calibrated_error,
        "gain {:.3}",
        outcome.gain()
    );
}
