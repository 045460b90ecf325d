//! A call's rubric — its weighted criteria, each scored on its own integer scale — the checks a rubric and a
//! review's scores must pass, and a review's total on 0–100 (DESIGN.md, "Scores, done right").

use std::collections::{BTreeMap, HashSet};

/// The fewest and most criteria a rubric may have.
pub const MIN_CRITERIA: usize = 1;
pub const MAX_CRITERIA: usize = 20;
/// The longest a criterion's key may be.
pub const MAX_KEY_CHARS: usize = 40;
/// The longest a criterion's label may be, in characters, in either language.
pub const MAX_LABEL_CHARS: usize = 200;
/// The longest a criterion's guidance may be, in characters, in either language.
pub const MAX_GUIDANCE_CHARS: usize = 2000;
/// The largest weight a criterion may carry; weights are relative, so the bound only keeps them sane.
pub const MAX_WEIGHT: f64 = 100.0;
/// The bounds any criterion's scale must lie within.
pub const SCALE_BOUNDS: std::ops::RangeInclusive<i32> = 0..=100;

/// One thing reviewers score an idea on. Its serde form (snake_case field names) is how a rubric is stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Criterion {
    /// Names the criterion in a review's scores: `^[a-z][a-z0-9_]{0,39}$`, unique in the rubric.
    pub key: String,
    pub label_fa: String,
    pub label_en: Option<String>,
    /// What reviewers should look for, shown beside the score.
    pub guidance_fa: Option<String>,
    pub guidance_en: Option<String>,
    /// The criterion's share of the total, relative to the other weights: finite, above 0, at most 100.
    pub weight: f64,
    /// The lowest score; below `scale_max`, both within 0..=100.
    pub scale_min: i32,
    pub scale_max: i32,
}

/// A call's criteria, in the order reviewers see them. Built by `Rubric::new`, which checks them all, or by
/// `Rubric::from_trusted` for rows read back from the database.
#[derive(Debug, Clone, PartialEq)]
pub struct Rubric {
    criteria: Vec<Criterion>,
}

/// One problem with a proposed rubric, at a JSON pointer fragment relative to the request body
/// (`criteria/2/label/fa`), in the wire's names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct RubricError {
    pub path: String,
    /// `too_few`, `too_many`, `required`, `too_long`, `invalid`, `duplicate`, `out_of_range` or `scale_order`.
    pub code: &'static str,
    pub message: String,
}

/// One problem with a review's scores, about the criterion `key` (as the review named it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}: {message}")]
pub struct ScoreError {
    pub key: String,
    /// `unknown_criterion`, `out_of_scale` or `required`.
    pub code: &'static str,
    pub message: String,
}

/// A review's scores: criterion key to integer score.
pub type Scores = BTreeMap<String, i32>;

impl Rubric {
    /// Trims the labels and guidance (an optional text left empty becomes `None`), then checks every rule and
    /// reports every problem at once, so that a form can show them all.
    pub fn new(criteria: Vec<Criterion>) -> Result<Rubric, Vec<RubricError>> {
        let criteria: Vec<Criterion> = criteria.into_iter().map(tidy).collect();
        let mut errors = Vec::new();
        let mut push = |path: String, code: &'static str, message: String| {
            errors.push(RubricError { path, code, message });
        };

        if criteria.len() < MIN_CRITERIA {
            push(
                "criteria".into(),
                "too_few",
                "A rubric needs at least one criterion.".into(),
            );
        }
        if criteria.len() > MAX_CRITERIA {
            push(
                "criteria".into(),
                "too_many",
                format!(
                    "A rubric may have at most {MAX_CRITERIA} criteria; this one has {}.",
                    criteria.len()
                ),
            );
        }

        let mut seen_keys = HashSet::new();
        for (i, criterion) in criteria.iter().enumerate() {
            let at = |field: &str| format!("criteria/{i}/{field}");

            if criterion.key.is_empty() {
                push(at("key"), "required", "Every criterion needs a key.".into());
            } else if !is_valid_key(&criterion.key) {
                push(
                    at("key"),
                    "invalid",
                    format!(
                        "A key starts with a lowercase Latin letter and has only lowercase Latin letters, digits \
                         and underscores, at most {MAX_KEY_CHARS} characters."
                    ),
                );
            } else if !seen_keys.insert(criterion.key.as_str()) {
                // The earlier one keeps the key: the later one is the one the author just added.
                push(
                    at("key"),
                    "duplicate",
                    format!("The key `{}` is used by an earlier criterion.", criterion.key),
                );
            }

            if criterion.label_fa.is_empty() {
                push(
                    at("label/fa"),
                    "required",
                    "Every criterion needs a Persian label.".into(),
                );
            }
            check_length(&mut push, at("label/fa"), Some(&criterion.label_fa), MAX_LABEL_CHARS);
            check_length(
                &mut push,
                at("label/en"),
                criterion.label_en.as_deref(),
                MAX_LABEL_CHARS,
            );
            check_length(
                &mut push,
                at("guidance/fa"),
                criterion.guidance_fa.as_deref(),
                MAX_GUIDANCE_CHARS,
            );
            check_length(
                &mut push,
                at("guidance/en"),
                criterion.guidance_en.as_deref(),
                MAX_GUIDANCE_CHARS,
            );

            if !(criterion.weight.is_finite() && criterion.weight > 0.0 && criterion.weight <= MAX_WEIGHT) {
                push(
                    at("weight"),
                    "invalid",
                    format!("A weight is a number above 0 and at most {MAX_WEIGHT}."),
                );
            }

            let min_fits = SCALE_BOUNDS.contains(&criterion.scale_min);
            let max_fits = SCALE_BOUNDS.contains(&criterion.scale_max);
            for (fits, field, value) in [
                (min_fits, "scaleMin", criterion.scale_min),
                (max_fits, "scaleMax", criterion.scale_max),
            ] {
                if !fits {
                    push(
                        at(field),
                        "out_of_range",
                        format!(
                            "{value} is outside the allowed bounds of a scale, {} to {}.",
                            SCALE_BOUNDS.start(),
                            SCALE_BOUNDS.end()
                        ),
                    );
                }
            }
            // Order is only worth a word once both ends are in bounds: otherwise scaleMax may already carry
            // an error, and fixing the bounds may fix the order.
            if min_fits && max_fits && criterion.scale_min >= criterion.scale_max {
                push(
                    at("scaleMax"),
                    "scale_order",
                    format!(
                        "The top of the scale ({}) must be above its bottom ({}).",
                        criterion.scale_max, criterion.scale_min
                    ),
                );
            }
        }

        if errors.is_empty() {
            Ok(Rubric { criteria })
        } else {
            Err(errors)
        }
    }

    /// A rubric as stored, without checks: it was checked when it was saved.
    pub fn from_trusted(criteria: Vec<Criterion>) -> Rubric {
        Rubric { criteria }
    }

    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }

    pub fn into_criteria(self) -> Vec<Criterion> {
        self.criteria
    }

    /// Checks a review's scores against the rubric: every key must name a criterion and every score lie on its
    /// criterion's scale; when `complete` (the review is being submitted, not saved as a draft) every criterion
    /// must be scored. Reports every problem, in rubric order, then the unknown keys.
    pub fn check_scores(&self, scores: &Scores, complete: bool) -> Result<(), Vec<ScoreError>> {
        let mut errors = Vec::new();
        for criterion in &self.criteria {
            match scores.get(&criterion.key) {
                Some(&score) if !criterion.on_scale(score) => errors.push(ScoreError {
                    key: criterion.key.clone(),
                    code: "out_of_scale",
                    message: format!(
                        "Scored {score}, but this criterion's scale is {} to {}.",
                        criterion.scale_min, criterion.scale_max
                    ),
                }),
                Some(_) => {}
                None if complete => errors.push(ScoreError {
                    key: criterion.key.clone(),
                    code: "required",
                    message: "This criterion has no score yet.".into(),
                }),
                None => {}
            }
        }
        for key in scores.keys() {
            if !self.criteria.iter().any(|criterion| &criterion.key == key) {
                errors.push(ScoreError {
                    key: key.clone(),
                    code: "unknown_criterion",
                    message: format!("The rubric has no criterion `{key}`."),
                });
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    /// A review's total on 0–100: each criterion's score placed on 0–1 along its own scale, so that a 1–5 and a
    /// 0–10 criterion count alike, then averaged with the weights: `100 · Σ wᵢ·xᵢ / Σ wᵢ`.
    ///
    /// `None` when a criterion is unscored or a score is off its scale — a review scored before staff reopened
    /// and changed the rubric has no meaningful total. Scores for keys the rubric lacks are ignored.
    pub fn total(&self, scores: &Scores) -> Option<f64> {
        let mut weighted = 0.0;
        let mut weights = 0.0;
        for criterion in &self.criteria {
            let score = *scores.get(&criterion.key)?;
            if !criterion.on_scale(score) {
                return None;
            }
            // In f64 throughout: a trusted rubric's scale is not re-checked, and i32 differences can overflow.
            let span = f64::from(criterion.scale_max) - f64::from(criterion.scale_min);
            if span <= 0.0 {
                return None;
            }
            let position = (f64::from(score) - f64::from(criterion.scale_min)) / span;
            weighted += criterion.weight * position;
            weights += criterion.weight;
        }
        // An empty rubric, or one read back with weights that do not add up to anything, has no total.
        if !(weights > 0.0 && weights.is_finite()) {
            return None;
        }
        Some(100.0 * weighted / weights)
    }

    /// Whether the scores make a complete review under this rubric.
    pub fn fits(&self, scores: &Scores) -> bool {
        self.total(scores).is_some()
    }
}

impl Criterion {
    /// Whether `score` lies on this criterion's scale.
    pub fn on_scale(&self, score: i32) -> bool {
        (self.scale_min..=self.scale_max).contains(&score)
    }
}

/// Whether `key` matches `^[a-z][a-z0-9_]{0,39}$`.
pub fn is_valid_key(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes.next().is_some_and(|first| first.is_ascii_lowercase())
        && key.len() <= MAX_KEY_CHARS
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Trims the texts; an optional one left empty is absent.
fn tidy(criterion: Criterion) -> Criterion {
    let optional = |text: Option<String>| text.map(|text| text.trim().to_owned()).filter(|text| !text.is_empty());
    Criterion {
        label_fa: criterion.label_fa.trim().to_owned(),
        label_en: optional(criterion.label_en),
        guidance_fa: optional(criterion.guidance_fa),
        guidance_en: optional(criterion.guidance_en),
        ..criterion
    }
}

fn check_length(
    push: &mut impl FnMut(String, &'static str, String),
    path: String,
    text: Option<&str>,
    max_chars: usize,
) {
    // Characters, not bytes: a Persian letter is two bytes in UTF-8 but one character to the person typing.
    if let Some(chars) = text.map(|text| text.chars().count())
        && chars > max_chars
    {
        push(
            path,
            "too_long",
            format!("At most {max_chars} characters; this has {chars}."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(key: &str, weight: f64, scale_min: i32, scale_max: i32) -> Criterion {
        Criterion {
            key: key.into(),
            label_fa: format!("معیار {key}"),
            label_en: Some(format!("Criterion {key}")),
            guidance_fa: None,
            guidance_en: None,
            weight,
            scale_min,
            scale_max,
        }
    }

    fn three() -> Rubric {
        Rubric::new(vec![
            criterion("impact", 3.0, 1, 5),
            criterion("feasibility", 2.0, 0, 10),
            criterion("cost", 1.0, 1, 3),
        ])
        .unwrap_or_else(|errors| panic!("{errors:?}"))
    }

    fn scores(pairs: &[(&str, i32)]) -> Scores {
        pairs.iter().map(|(key, score)| (key.to_string(), *score)).collect()
    }

    fn codes_at(errors: &[RubricError]) -> Vec<(&str, &str)> {
        errors.iter().map(|e| (e.path.as_str(), e.code)).collect()
    }

    #[test]
    fn the_total_weighs_each_criterion_on_its_own_scale() {
        // impact 4 on 1–5 → 3/4 = 0.75, weight 3 → 2.25
        // feasibility 7 on 0–10 → 0.7, weight 2 → 1.4
        // cost 1 on 1–3 → 0, weight 1 → 0
        // 100 · (2.25 + 1.4 + 0) / 6 = 100 · 3.65 / 6 = 60.8333…
        let total = three().total(&scores(&[("impact", 4), ("feasibility", 7), ("cost", 1)]));
        assert!(total.is_some_and(|t| (t - 365.0 / 6.0).abs() < 1e-9), "{total:?}");

        // impact 2 → 0.25 · 3 = 0.75; feasibility 10 → 1 · 2 = 2; cost 2 → 0.5 · 1 = 0.5
        // 100 · 3.25 / 6 = 54.1666…
        let total = three().total(&scores(&[("impact", 2), ("feasibility", 10), ("cost", 2)]));
        assert!(total.is_some_and(|t| (t - 325.0 / 6.0).abs() < 1e-9), "{total:?}");
    }

    #[test]
    fn the_bottom_of_every_scale_is_zero_and_the_top_a_hundred() {
        let rubric = three();
        assert_eq!(
            rubric.total(&scores(&[("impact", 1), ("feasibility", 0), ("cost", 1)])),
            Some(0.0)
        );
        assert_eq!(
            rubric.total(&scores(&[("impact", 5), ("feasibility", 10), ("cost", 3)])),
            Some(100.0)
        );
    }

    #[test]
    fn a_missing_or_off_scale_score_has_no_total_and_extra_keys_are_ignored() {
        let rubric = three();
        let missing = scores(&[("impact", 5), ("feasibility", 10)]);
        assert_eq!(rubric.total(&missing), None);
        assert!(!rubric.fits(&missing));
        let off_scale = scores(&[("impact", 6), ("feasibility", 10), ("cost", 3)]);
        assert_eq!(rubric.total(&off_scale), None);
        let extra = scores(&[("impact", 5), ("feasibility", 10), ("cost", 3), ("old", 99)]);
        assert_eq!(rubric.total(&extra), Some(100.0));
        assert!(rubric.fits(&extra));
    }

    #[test]
    fn a_trusted_rubric_that_cannot_total_says_so_instead_of_dividing_by_zero() {
        assert_eq!(Rubric::from_trusted(vec![]).total(&Scores::new()), None);
        let flat = Rubric::from_trusted(vec![criterion("a", 1.0, 5, 5)]);
        assert_eq!(flat.total(&scores(&[("a", 5)])), None);
        let weightless = Rubric::from_trusted(vec![criterion("a", 0.0, 0, 5)]);
        assert_eq!(weightless.total(&scores(&[("a", 5)])), None);
        let extreme = Rubric::from_trusted(vec![criterion("a", 1.0, i32::MIN, i32::MAX)]);
        assert_eq!(extreme.total(&scores(&[("a", i32::MAX)])), Some(100.0));
    }

    #[test]
    fn score_checks_report_everything_in_rubric_order_then_unknown_keys() {
        let rubric = three();
        let bad = scores(&[("zeal", 1), ("impact", 6), ("alpha", 2), ("cost", 0)]);
        let errors = rubric.check_scores(&bad, true).err().unwrap_or_default();
        let found: Vec<_> = errors.iter().map(|e| (e.key.as_str(), e.code)).collect();
        assert_eq!(
            found,
            [
                ("impact", "out_of_scale"),
                ("feasibility", "required"),
                ("cost", "out_of_scale"),
                ("alpha", "unknown_criterion"),
                ("zeal", "unknown_criterion"),
            ]
        );
        assert_eq!(errors[0].message, "Scored 6, but this criterion's scale is 1 to 5.");

        // A draft may leave criteria unscored, but not score off the scale.
        let draft = rubric.check_scores(&scores(&[("impact", 6)]), false);
        assert_eq!(draft.err().map(|e| e.len()), Some(1));
        assert_eq!(rubric.check_scores(&scores(&[("impact", 5)]), false), Ok(()));
        assert_eq!(
            rubric.check_scores(&scores(&[("impact", 1), ("feasibility", 0), ("cost", 3)]), true),
            Ok(())
        );
    }

    #[test]
    fn texts_are_trimmed_and_empty_optional_ones_dropped() {
        let mut c = criterion("impact", 1.0, 1, 5);
        c.label_fa = "  اثر  ".into();
        c.label_en = Some("   ".into());
        c.guidance_fa = Some("\n".into());
        c.guidance_en = Some(" Look at reach. ".into());
        let rubric = Rubric::new(vec![c]).unwrap_or_else(|errors| panic!("{errors:?}"));
        let c = &rubric.criteria()[0];
        assert_eq!(c.label_fa, "اثر");
        assert_eq!(c.label_en, None);
        assert_eq!(c.guidance_fa, None);
        assert_eq!(c.guidance_en.as_deref(), Some("Look at reach."));
        assert_eq!(rubric.clone().into_criteria().len(), 1);
    }

    #[test]
    fn keys_follow_the_pattern() {
        for good in ["a", "impact", "cost_2", "a_b_c", &"k".repeat(40)] {
            assert!(is_valid_key(good), "{good}");
        }
        for bad in ["", "Impact", "2cost", "_a", "a-b", "a b", "اثر", "é", &"k".repeat(41)] {
            assert!(!is_valid_key(bad), "{bad}");
        }
    }

    #[test]
    fn the_number_of_criteria_is_bounded() {
        let errors = Rubric::new(vec![]).err().unwrap_or_default();
        assert_eq!(codes_at(&errors), [("criteria", "too_few")]);
        let twenty: Vec<_> = (0..20).map(|i| criterion(&format!("c{i}"), 1.0, 0, 10)).collect();
        assert!(Rubric::new(twenty.clone()).is_ok());
        let mut twenty_one = twenty;
        twenty_one.push(criterion("c20", 1.0, 0, 10));
        let errors = Rubric::new(twenty_one).err().unwrap_or_default();
        assert_eq!(codes_at(&errors), [("criteria", "too_many")]);
    }

    #[test]
    fn every_problem_is_reported_at_once_with_its_pointer() {
        let long_label = "ا".repeat(201);
        let mut first = criterion("Bad-Key", 0.0, -1, 101);
        first.label_fa = "   ".into();
        first.label_en = Some("x".repeat(201));
        first.guidance_fa = Some("ر".repeat(2001));
        first.guidance_en = Some("y".repeat(2001));
        let mut second = criterion("impact", f64::NAN, 5, 5);
        second.label_fa = long_label;
        let third = criterion("impact", 100.5, 7, 3);
        let fourth = criterion("", f64::INFINITY, 0, 100);
        let errors = Rubric::new(vec![first, second, third, fourth])
            .err()
            .unwrap_or_default();
        assert_eq!(
            codes_at(&errors),
            [
                ("criteria/0/key", "invalid"),
                ("criteria/0/label/fa", "required"),
                ("criteria/0/label/en", "too_long"),
                ("criteria/0/guidance/fa", "too_long"),
                ("criteria/0/guidance/en", "too_long"),
                ("criteria/0/weight", "invalid"),
                ("criteria/0/scaleMin", "out_of_range"),
                ("criteria/0/scaleMax", "out_of_range"),
                ("criteria/1/label/fa", "too_long"),
                ("criteria/1/weight", "invalid"),
                ("criteria/1/scaleMax", "scale_order"),
                ("criteria/2/key", "duplicate"),
                ("criteria/2/weight", "invalid"),
                ("criteria/2/scaleMax", "scale_order"),
                ("criteria/3/key", "required"),
                ("criteria/3/weight", "invalid"),
            ]
        );
        assert!(errors.iter().all(|e| e.message.ends_with('.')));
    }

    #[test]
    fn limits_are_inclusive() {
        let mut c = criterion(&"k".repeat(40), 100.0, 0, 100);
        c.label_fa = "ا".repeat(200);
        c.label_en = Some("x".repeat(200));
        c.guidance_fa = Some("ر".repeat(2000));
        c.guidance_en = Some("y".repeat(2000));
        assert!(Rubric::new(vec![c]).is_ok());
        assert!(Rubric::new(vec![criterion("tiny", 0.001, 0, 1)]).is_ok());
    }
}
