//! Calibration by juror offsets: the additive model of the reviewer-calibration literature (Roos et al.; MacKay
//! et al., "Calibration with confidence", 2017), solved exactly.
//!
//! A review's total is read as `y = θ_idea + b_juror + noise`: the idea's quality, the juror's offset (positive
//! for a lenient juror, negative for a strict one) and noise. The estimate minimises
//!
//! ```text
//! Σ_reviews (y − θ_i − b_j)²  +  λ · Σ_jurors b_j²
//! ```
//!
//! The penalty shrinks each offset towards zero: λ (`shrinkage`) counts as λ extra reviews in which the juror
//! scored exactly the idea's quality. A juror with many reviews on shared ideas keeps nearly the offset their
//! reviews show; one with few is taken as about average. In Bayesian terms the offsets are random effects with a
//! prior N(0, σ²/λ), σ the noise, and the answer is their posterior mean.
//!
//! Why not z-scores (each juror's totals against their own mean and spread, the first method): a juror's mean
//! mixes their strictness with the quality of the batch they happened to get. z-scoring removes both; the
//! additive model separates them, because ideas shared with other jurors tell one from the other. It is also on
//! the scale of the raw score (0–100), so the two can be read side by side.
//!
//! How it is solved: for fixed offsets the best θ_i is the mean of the idea's `y − b_j`. Putting that back
//! leaves a J × J symmetric positive definite system in the offsets (J jurors; λ > 0 makes it definite even
//! when the jury graph is split):
//!
//! ```text
//! A_jj  = n_j + λ − Σ_{i reviewed by j} 1/n_i         c_j = Σ_{i reviewed by j} (y_ij − ȳ_i)
//! A_jk  =          − Σ_{i reviewed by j and k} 1/n_i   (j ≠ k)
//! ```
//!
//! (n_j: the juror's reviews, n_i and ȳ_i: the idea's reviews and their mean), solved by Cholesky
//! factorisation: exact up to rounding, O(J³) once — 400 jurors are a few tens of milliseconds.
//!
//! An offset's uncertainty is its standard error `σ̂ · √(A⁻¹)_jj`, with σ̂² the residual sum of squares over
//! its degrees of freedom (reviews − ideas − jurors + separate groups); `None` when no degree of freedom is
//! left. An idea reviewed once says nothing about its juror (its θ absorbs everything), and offsets compare
//! only jurors connected through shared ideas: across separate groups of the jury graph they are each measured
//! against their own group.

use crate::jury_graph::Groups;

/// One review as the solver sees it: indices into the ideas and the jurors, and the total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    pub idea: usize,
    pub juror: usize,
    pub total: f64,
}

/// The solved model.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    /// Each idea's estimated quality θ; `None` for an idea without reviews.
    pub quality: Vec<Option<f64>>,
    /// Each juror's offset b (0 for a juror without reviews).
    pub offsets: Vec<f64>,
    /// Each offset's standard error; `None` without residual degrees of freedom or for a juror without reviews.
    pub uncertainty: Vec<Option<f64>>,
    /// σ̂, the estimated noise of one review; `None` without residual degrees of freedom.
    pub noise_sd: Option<f64>,
}

/// The smallest shrinkage used: at zero the system is singular (a constant can move from every θ to every b).
const MIN_SHRINKAGE: f64 = 1e-6;

/// Solves the additive model for `ideas` ideas and `jurors` jurors. Observations with an index out of range
/// or a total that is not finite are ignored; `shrinkage` below a millionth is raised to it.
pub fn calibrate(ideas: usize, jurors: usize, observations: &[Observation], shrinkage: f64) -> Calibration {
    let observations: Vec<Observation> = observations
        .iter()
        .copied()
        .filter(|o| o.idea < ideas && o.juror < jurors && o.total.is_finite())
        .collect();
    let lambda = if shrinkage.is_finite() {
        shrinkage.max(MIN_SHRINKAGE)
    } else {
        MIN_SHRINKAGE
    };

    let mut by_idea: Vec<Vec<Observation>> = vec![Vec::new(); ideas];
    for o in &observations {
        by_idea[o.idea].push(*o);
    }
    let mut reviews_of = vec![0_usize; jurors];
    for o in &observations {
        reviews_of[o.juror] += 1;
    }

    // The reduced system A b = c.
    let mut a = Matrix::zeros(jurors);
    let mut c = vec![0.0; jurors];
    for (j, n) in reviews_of.iter().enumerate() {
        a[(j, j)] = *n as f64 + lambda;
    }
    for reviews in by_idea.iter().filter(|r| !r.is_empty()) {
        let n = reviews.len() as f64;
        let idea_mean = reviews.iter().map(|o| o.total).sum::<f64>() / n;
        for x in reviews {
            c[x.juror] += x.total - idea_mean;
            for y in reviews {
                a[(x.juror, y.juror)] -= 1.0 / n;
            }
        }
    }
    let Some(factor) = Cholesky::new(a) else {
        // Unreachable for λ > 0 (A is then positive definite); rounding on absurd inputs is the only way here.
        return uncalibrated(jurors, &by_idea);
    };
    let offsets = factor.solve(&c);

    let quality: Vec<Option<f64>> = by_idea
        .iter()
        .map(|reviews| {
            (!reviews.is_empty())
                .then(|| reviews.iter().map(|o| o.total - offsets[o.juror]).sum::<f64>() / reviews.len() as f64)
        })
        .collect();

    let residual_squares: f64 = observations
        .iter()
        .filter_map(|o| quality[o.idea].map(|q| (o.total - q - offsets[o.juror]).powi(2)))
        .sum();
    let reviewed_ideas = by_idea.iter().filter(|r| !r.is_empty()).count();
    let active_jurors = reviews_of.iter().filter(|n| **n > 0).count();
    let groups = groups(ideas, jurors, &observations);
    let parameters = reviewed_ideas + active_jurors - groups;
    let noise_sd =
        (observations.len() > parameters).then(|| (residual_squares / (observations.len() - parameters) as f64).sqrt());
    let inverse_diagonal = factor.inverse_diagonal();
    let uncertainty = (0..jurors)
        .map(|j| {
            let sd = noise_sd?;
            (reviews_of[j] > 0).then(|| sd * inverse_diagonal[j].sqrt())
        })
        .collect();

    Calibration {
        quality,
        offsets,
        uncertainty,
        noise_sd,
    }
}

/// Every offset zero: each idea's quality is its raw mean.
fn uncalibrated(jurors: usize, by_idea: &[Vec<Observation>]) -> Calibration {
    Calibration {
        quality: by_idea
            .iter()
            .map(|r| (!r.is_empty()).then(|| r.iter().map(|o| o.total).sum::<f64>() / r.len() as f64))
            .collect(),
        offsets: vec![0.0; jurors],
        uncertainty: vec![None; jurors],
        noise_sd: None,
    }
}

/// The number of connected groups of the graph of reviewed ideas and active jurors (an edge per review).
fn groups(ideas: usize, jurors: usize, observations: &[Observation]) -> usize {
    // Ideas are nodes 0..ideas, jurors ideas..ideas + jurors; nodes without a review are no group.
    let mut groups = Groups::new(ideas + jurors);
    let mut used = vec![false; ideas + jurors];
    for o in observations {
        let (i, j) = (o.idea, ideas + o.juror);
        used[i] = true;
        used[j] = true;
        groups.join(i, j);
    }
    groups.count() - used.iter().filter(|u| !**u).count()
}

/// A dense square matrix, row-major.
#[derive(Debug, Clone)]
struct Matrix {
    n: usize,
    values: Vec<f64>,
}

impl Matrix {
    fn zeros(n: usize) -> Self {
        Matrix {
            n,
            values: vec![0.0; n * n],
        }
    }
}

impl std::ops::Index<(usize, usize)> for Matrix {
    type Output = f64;
    fn index(&self, (row, column): (usize, usize)) -> &f64 {
        &self.values[row * self.n + column]
    }
}

impl std::ops::IndexMut<(usize, usize)> for Matrix {
    fn index_mut(&mut self, (row, column): (usize, usize)) -> &mut f64 {
        &mut self.values[row * self.n + column]
    }
}

/// The Cholesky factor L of a symmetric positive definite matrix (A = L Lᵀ), lower triangle.
struct Cholesky {
    lower: Matrix,
}

impl Cholesky {
    /// `None` when the matrix is not (numerically) positive definite.
    fn new(mut a: Matrix) -> Option<Self> {
        let n = a.n;
        for j in 0..n {
            let mut diagonal = a[(j, j)];
            for k in 0..j {
                diagonal -= a[(j, k)] * a[(j, k)];
            }
            // NaN fails the test too.
            if diagonal.is_nan() || diagonal <= 0.0 {
                return None;
            }
            let pivot = diagonal.sqrt();
            a[(j, j)] = pivot;
            for i in j + 1..n {
                let mut value = a[(i, j)];
                for k in 0..j {
                    value -= a[(i, k)] * a[(j, k)];
                }
                a[(i, j)] = value / pivot;
            }
            for k in j + 1..n {
                a[(j, k)] = 0.0;
            }
        }
        Some(Cholesky { lower: a })
    }

    /// x with A x = b: forward then back substitution.
    fn solve(&self, b: &[f64]) -> Vec<f64> {
        let (l, n) = (&self.lower, self.lower.n);
        let mut y = b.to_vec();
        for i in 0..n {
            for k in 0..i {
                y[i] -= l[(i, k)] * y[k];
            }
            y[i] /= l[(i, i)];
        }
        for i in (0..n).rev() {
            for k in i + 1..n {
                y[i] -= l[(k, i)] * y[k];
            }
            y[i] /= l[(i, i)];
        }
        y
    }

    /// The diagonal of A⁻¹ = L⁻ᵀ L⁻¹: (A⁻¹)_jj = Σ_k (L⁻¹)_kj², with L⁻¹ lower triangular. Column j of L⁻¹ is
    /// kept as row j (`columns`), so that every inner loop reads memory in order.
    fn inverse_diagonal(&self) -> Vec<f64> {
        let (l, n) = (&self.lower, self.lower.n);
        let mut columns = Matrix::zeros(n);
        for j in 0..n {
            columns[(j, j)] = 1.0 / l[(j, j)];
            for i in j + 1..n {
                let mut value = 0.0;
                for k in j..i {
                    value -= l[(i, k)] * columns[(j, k)];
                }
                columns[(j, i)] = value / l[(i, i)];
            }
        }
        (0..n).map(|j| (j..n).map(|k| columns[(j, k)].powi(2)).sum()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn review(idea: usize, juror: usize, total: f64) -> Observation {
        Observation { idea, juror, total }
    }

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() < EPS
    }

    /// Two jurors score the same two ideas, A always 20 above B:
    /// i1: A 80, B 60; i2: A 70, B 50.
    fn crossed() -> Vec<Observation> {
        vec![
            review(0, 0, 80.0),
            review(0, 1, 60.0),
            review(1, 0, 70.0),
            review(1, 1, 50.0),
        ]
    }

    #[test]
    fn two_crossed_jurors_split_their_difference_shrunk_by_lambda() {
        // n_A = n_B = 2, n_i = 2: A = [[1 + λ, −1], [−1, 1 + λ]], c = (20, −20); by symmetry b_B = −b_A and
        // (2 + λ) b_A = 20. With λ = 2: b = ±5, θ1 = mean(80 − 5, 60 + 5) = 70, θ2 = 60.
        let calibration = calibrate(2, 2, &crossed(), 2.0);
        assert!(
            close(calibration.offsets[0], 5.0) && close(calibration.offsets[1], -5.0),
            "{calibration:?}"
        );
        assert_eq!(calibration.quality, [Some(70.0), Some(60.0)]);
        // Residuals ±5 each: RSS 100 over 4 − (2 ideas + 2 jurors − 1 group) = 1 degree of freedom: σ̂ = 10.
        // A⁻¹ = (1/8)[[3, 1], [1, 3]]: each offset's standard error 10·√(3/8).
        assert!(close(calibration.noise_sd.unwrap_or(f64::NAN), 10.0));
        for uncertainty in &calibration.uncertainty {
            assert!(close(uncertainty.unwrap_or(f64::NAN), 10.0 * (3.0_f64 / 8.0).sqrt()));
        }

        // Almost no shrinkage: the whole difference, ±10, and the residuals vanish.
        let calibration = calibrate(2, 2, &crossed(), 1e-6);
        assert!((calibration.offsets[0] - 10.0).abs() < 1e-4, "{calibration:?}");
        assert!((calibration.quality[0].unwrap_or(f64::NAN) - 70.0).abs() < 1e-4);
        // Strong shrinkage (λ = 98): ±20/100 = ±0.2, the qualities stay the ideas' means.
        let calibration = calibrate(2, 2, &crossed(), 98.0);
        assert!(close(calibration.offsets[0], 0.2));
        assert!(close(calibration.quality[0].unwrap_or(f64::NAN), 70.0));
    }

    #[test]
    fn a_batch_of_better_ideas_is_not_mistaken_for_leniency() {
        // Juror A reviews i1 and i2 (both good), B reviews i3 and i4 (both weaker), C reviews all four and is the
        // link. Every juror scores the truth: 90, 80, 50, 40. Z-scores would call A lenient (its mean 85); the
        // additive model sees A agree with C and finds every offset zero.
        let truth = [90.0, 80.0, 50.0, 40.0];
        let mut observations = vec![
            review(0, 0, truth[0]),
            review(1, 0, truth[1]),
            review(2, 1, truth[2]),
            review(3, 1, truth[3]),
        ];
        observations.extend((0..4).map(|i| review(i, 2, truth[i])));
        let calibration = calibrate(4, 3, &observations, 1.0);
        for offset in &calibration.offsets {
            assert!(close(*offset, 0.0), "{calibration:?}");
        }
        for (quality, truth) in calibration.quality.iter().zip(truth) {
            assert!(close(quality.unwrap_or(f64::NAN), truth));
        }
        // A perfect fit: no noise left, so zero uncertainty (with 8 − (4 + 3 − 1) = 2 degrees of freedom).
        assert_eq!(calibration.noise_sd, Some(0.0));
    }

    #[test]
    fn an_idea_reviewed_once_tells_nothing_about_its_juror() {
        // The crossed pair plus i3 scored 90 by A alone: the offsets do not move, θ3 = 90 − b_A.
        let mut observations = crossed();
        observations.push(review(2, 0, 90.0));
        let calibration = calibrate(3, 2, &observations, 2.0);
        assert!(close(calibration.offsets[0], 5.0));
        assert!(close(calibration.quality[2].unwrap_or(f64::NAN), 85.0));
        // And a juror who reviews alone keeps offset 0: nobody to compare with.
        let alone = [review(0, 0, 30.0), review(1, 0, 90.0)];
        let calibration = calibrate(2, 1, &alone, 2.0);
        assert_eq!(calibration.offsets, [0.0]);
        assert_eq!(calibration.quality, [Some(30.0), Some(90.0)]);
        // Two observations, two ideas + one juror − one group = two parameters: no degree of freedom.
        assert_eq!(calibration.noise_sd, None);
        assert_eq!(calibration.uncertainty, [None]);
    }

    #[test]
    fn ideas_and_jurors_without_reviews_and_unusable_totals_are_left_out() {
        let observations = [
            review(0, 0, 60.0),
            review(0, 1, 40.0),
            review(5, 0, 99.0),
            review(0, 7, 99.0),
            review(1, 1, f64::NAN),
        ];
        let calibration = calibrate(3, 3, &observations, 1.0);
        assert_eq!(calibration.quality[1], None);
        assert_eq!(calibration.quality[2], None);
        assert_eq!(calibration.offsets[2], 0.0);
        assert_eq!(calibration.uncertainty[2], None);
        // One idea, two jurors: c = (10, −10), A = [[1.5, −0.5], [−0.5, 1.5]]: b = ±10/2 = ±5, θ = 50.
        assert!(close(calibration.offsets[0], 5.0), "{calibration:?}");
        assert!(close(calibration.quality[0].unwrap_or(f64::NAN), 50.0));
        // Zero or invalid shrinkage is raised to the minimum rather than failing.
        let calibration = calibrate(2, 2, &crossed(), 0.0);
        assert!((calibration.offsets[0] - 10.0).abs() < 1e-4);
        let calibration = calibrate(2, 2, &crossed(), f64::NAN);
        assert!((calibration.offsets[0] - 10.0).abs() < 1e-4);
    }

    #[test]
    fn separate_groups_are_each_measured_against_themselves() {
        // Two crossed pairs that share no idea: each pair splits its own difference; no offset links them.
        let mut observations = crossed();
        observations.extend(
            crossed()
                .iter()
                .map(|o| review(o.idea + 2, o.juror + 2, o.total - 30.0)),
        );
        let calibration = calibrate(4, 4, &observations, 2.0);
        let offsets = &calibration.offsets;
        assert!(close(offsets[0], 5.0) && close(offsets[2], 5.0), "{calibration:?}");
        // The second group's qualities are 30 lower: nothing could have told it was a stricter group.
        assert!(close(calibration.quality[2].unwrap_or(f64::NAN), 40.0));
        assert_eq!(groups(4, 4, &observations), 2);
        // Residual degrees of freedom: 8 − (4 + 4 − 2) = 2, RSS 200: σ̂ = 10.
        assert!(close(calibration.noise_sd.unwrap_or(f64::NAN), 10.0));
    }

    #[test]
    fn cholesky_solves_and_inverts_a_known_system() {
        // [[4, 2], [2, 3]]: L = [[2, 0], [1, √2]]; inverse (1/8)[[3, −2], [−2, 4]].
        let mut a = Matrix::zeros(2);
        a[(0, 0)] = 4.0;
        a[(0, 1)] = 2.0;
        a[(1, 0)] = 2.0;
        a[(1, 1)] = 3.0;
        let factor = Cholesky::new(a).expect("positive definite");
        let x = factor.solve(&[8.0, 7.0]);
        // 4x + 2y = 8, 2x + 3y = 7: x = 1.25, y = 1.5.
        assert!(close(x[0], 1.25) && close(x[1], 1.5), "{x:?}");
        let diagonal = factor.inverse_diagonal();
        assert!(close(diagonal[0], 3.0 / 8.0) && close(diagonal[1], 0.5), "{diagonal:?}");
        // Not positive definite: refused.
        let mut b = Matrix::zeros(2);
        b[(0, 1)] = 1.0;
        b[(1, 0)] = 1.0;
        assert!(Cholesky::new(b).is_none());
    }
}
