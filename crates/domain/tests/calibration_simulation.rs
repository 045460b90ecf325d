//! Does calibration earn its place? A simulated call where the truth is known: ideas with a true quality, jurors
//! with a known strictness, three jurors per idea with balanced loads. Ranking by calibrated score should follow
//! the true quality better than ranking by raw score when jurors differ in strictness, and cost next to nothing
//! when they do not.
//!
//! Run with `cargo test -p domain --test calibration_simulation -- --nocapture` to see the figures.

use domain::ranking::{RankingRules, ScoredReview, kendall_tau, rank};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

const IDEAS: usize = 250;
const JURORS: usize = 20;
const REVIEWS_PER_IDEA: usize = 3;
const SEEDS: u64 = 12;

/// A draw from N(mean, sd), by Box–Muller (no dependency beyond rand's uniform draws).
fn normal(rng: &mut StdRng, mean: f64, sd: f64) -> f64 {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    mean + sd * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Kendall's tau of the raw and of the calibrated ranking against the true quality, for one simulated call.
fn one_call(seed: u64, bias_sd: f64) -> (f64, f64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let ideas: Vec<Uuid> = (0..IDEAS as u128).map(Uuid::from_u128).collect();
    let jurors: Vec<Uuid> = (0..JURORS as u128).map(|j| Uuid::from_u128(1_000_000 + j)).collect();
    let quality: Vec<f64> = ideas.iter().map(|_| normal(&mut rng, 60.0, 12.0)).collect();
    let bias: Vec<f64> = jurors.iter().map(|_| normal(&mut rng, 0.0, bias_sd)).collect();

    // Each idea goes to the least-loaded jurors, ties broken at random: loads stay within one of each other
    // (750 reviews over 20 jurors: 37 or 38 each) while the trios keep changing.
    let mut load = vec![0_usize; JURORS];
    let mut reviews = Vec::with_capacity(IDEAS * REVIEWS_PER_IDEA);
    for (idea, &q) in ideas.iter().zip(&quality) {
        let mut order: Vec<usize> = (0..JURORS).collect();
        order.shuffle(&mut rng);
        order.sort_by_key(|&j| load[j]);
        for &j in &order[..REVIEWS_PER_IDEA] {
            load[j] += 1;
            let total = (q + bias[j] + normal(&mut rng, 0.0, 8.0)).clamp(0.0, 100.0);
            reviews.push(ScoredReview {
                idea_id: *idea,
                reviewer_id: jurors[j],
                total,
                criteria: vec![total],
            });
        }
    }
    assert!(load.iter().all(|&l| l == 37 || l == 38), "{load:?}");

    let ranking = rank(&ideas, 1, &reviews, &RankingRules::default());
    assert!(ranking.reviewers.iter().all(|r| r.calibrated_alone));
    let raw: Vec<f64> = ranking.ideas.iter().filter_map(|r| r.raw_score).collect();
    let calibrated: Vec<f64> = ranking.ideas.iter().filter_map(|r| r.calibrated_score).collect();
    let tau = |scores: &[f64]| kendall_tau(scores, &quality).unwrap_or(f64::NAN);
    (tau(&raw), tau(&calibrated))
}

/// The mean raw and calibrated tau over `SEEDS` calls.
fn mean_taus(bias_sd: f64) -> (f64, f64) {
    let taus: Vec<(f64, f64)> = (0..SEEDS).map(|seed| one_call(seed, bias_sd)).collect();
    let n = taus.len() as f64;
    (
        taus.iter().map(|t| t.0).sum::<f64>() / n,
        taus.iter().map(|t| t.1).sum::<f64>() / n,
    )
}

#[test]
fn calibration_recovers_the_true_order_from_jurors_of_differing_strictness() {
    let (raw, calibrated) = mean_taus(12.0);
    println!("biased jurors (bias ~ N(0, 12)): raw tau {raw:.3}, calibrated tau {calibrated:.3} ({SEEDS} seeds)");
    assert!(calibrated > raw, "raw {raw}, calibrated {calibrated}");
}

#[test]
fn calibration_costs_little_when_jurors_are_alike() {
    let (raw, calibrated) = mean_taus(0.0);
    println!("unbiased jurors: raw tau {raw:.3}, calibrated tau {calibrated:.3} ({SEEDS} seeds)");
    assert!(calibrated >= raw - 0.02, "raw {raw}, calibrated {calibrated}");
}
