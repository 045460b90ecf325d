//! Partnerships with foreign cities: their kinds and states, how a state change is dated, and the
//! derived health — when the city last did something with the partner, and whether the tie has gone
//! dormant whatever its recorded state says.

use chrono::{Months, NaiveDate};

use crate::wire_enum;

wire_enum! {
    /// The form of a partnership.
    pub enum PartnershipKind ("partnership kind") {
        SisterCity => "sister_city",
        FriendshipCity => "friendship_city",
        Memorandum => "memorandum",
    }
}

wire_enum! {
    /// A partnership's recorded state; every change is kept in its history.
    pub enum PartnershipState ("partnership state") {
        InNegotiation => "in_negotiation",
        Active => "active",
        Dormant => "dormant",
        Suspended => "suspended",
        Ended => "ended",
    }
}

wire_enum! {
    /// What the asking user may do next with a partnership.
    pub enum PartnershipAction ("partnership action") {
        /// Edit its kind, dates, focal points and notes.
        Edit => "edit",
        /// Move it to another state, with a date and a reason.
        ChangeState => "change_state",
        /// Record an activity with its city.
        AddActivity => "add_activity",
    }
}

/// Someone to talk to about a partnership, on either side; stored as a JSON array on the partnership.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FocalPoint {
    pub name: String,
    pub role: Option<String>,
    pub contact: Option<String>,
}

impl FocalPoint {
    /// The focal point as it is kept: surrounding spaces trimmed, a blank role or contact dropped.
    pub fn trimmed(self) -> FocalPoint {
        let kept = |text: Option<String>| {
            text.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        FocalPoint {
            name: self.name.trim().to_owned(),
            role: kept(self.role),
            contact: kept(self.contact),
        }
    }
}

/// Why a state change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StateChangeRefused {
    #[error("the partnership is {0} already")]
    Unchanged(PartnershipState),
    #[error("a state change cannot be dated in the future")]
    InTheFuture,
    #[error("the history has a change on {0} already; a new change cannot be dated before it")]
    BeforeLastChange(NaiveDate),
}

/// Checks a change of state to `to`, dated `on`, after the latest recorded change. Any state may
/// follow any other (a dormant or ended tie can be revived), but the history stays in date order.
pub fn check_state_change(
    current: PartnershipState,
    latest_change_on: Option<NaiveDate>,
    to: PartnershipState,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<(), StateChangeRefused> {
    if to == current {
        return Err(StateChangeRefused::Unchanged(current));
    }
    if on > today {
        return Err(StateChangeRefused::InTheFuture);
    }
    match latest_change_on {
        Some(latest) if on < latest => Err(StateChangeRefused::BeforeLastChange(latest)),
        _ => Ok(()),
    }
}

/// The months over which "recent activities" are counted, whatever the dormancy period.
pub const RECENT_MONTHS: u32 = 12;

/// How long a partnership may go without activity before it is flagged dormant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DormancyRule {
    pub months: u32,
}

impl Default for DormancyRule {
    fn default() -> Self {
        DormancyRule { months: 12 }
    }
}

impl DormancyRule {
    /// The earliest day a partnership's last sign of life may fall on without its being dormant.
    /// A month back from 31 March is the last day of February.
    pub fn cutoff(self, today: NaiveDate) -> NaiveDate {
        months_before(today, self.months)
    }

    /// Dormant when the last activity — or, with none, the signing, or with neither the day the
    /// partnership was recorded — lies more than the period back.
    pub fn is_dormant(self, health_basis: NaiveDate, today: NaiveDate) -> bool {
        health_basis < self.cutoff(today)
    }
}

wire_enum! {
    /// What a partnership's dormancy is reckoned from.
    pub enum HealthBasis ("health basis") {
        LastActivity => "last_activity",
        Signing => "signing",
        Record => "record",
    }
}

/// The day a partnership's dormancy is reckoned from, and what gives it: the last activity, else
/// the signing, else the day the partnership was recorded.
pub fn health_basis(
    last_activity_on: Option<NaiveDate>,
    signed_on: Option<NaiveDate>,
    recorded_on: NaiveDate,
) -> (HealthBasis, NaiveDate) {
    match (last_activity_on, signed_on) {
        (Some(day), _) => (HealthBasis::LastActivity, day),
        (None, Some(day)) => (HealthBasis::Signing, day),
        (None, None) => (HealthBasis::Record, recorded_on),
    }
}

/// The first day of the recent-activity window ending `today`.
pub fn recent_since(today: NaiveDate) -> NaiveDate {
    months_before(today, RECENT_MONTHS)
}

fn months_before(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_sub_months(Months::new(months)).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn focal_points_are_kept_trimmed_without_blank_parts() {
        let point = FocalPoint {
            name: "  Dr. Marco Rossi ".to_owned(),
            role: Some("   ".to_owned()),
            contact: Some(" marco@example.org ".to_owned()),
        };
        assert_eq!(
            point.trimmed(),
            FocalPoint {
                name: "Dr. Marco Rossi".to_owned(),
                role: None,
                contact: Some("marco@example.org".to_owned()),
            }
        );
    }

    #[test]
    fn dormancy_turns_on_the_day_after_the_period() {
        let rule = DormancyRule::default();
        let today = day("2026-11-27");
        assert_eq!(rule.cutoff(today), day("2025-11-27"));
        assert!(!rule.is_dormant(day("2025-11-27"), today));
        assert!(rule.is_dormant(day("2025-11-26"), today));
        assert!(!rule.is_dormant(day("2026-11-27"), today));
    }

    #[test]
    fn the_period_is_configurable_and_clamps_month_ends() {
        let rule = DormancyRule { months: 1 };
        assert_eq!(rule.cutoff(day("2026-03-31")), day("2026-02-28"));
        assert!(rule.is_dormant(day("2026-02-27"), day("2026-03-31")));
        assert!(!rule.is_dormant(day("2026-02-28"), day("2026-03-31")));
        assert_eq!(DormancyRule { months: 24 }.cutoff(day("2024-02-29")), day("2022-02-28"));
    }

    #[test]
    fn the_basis_is_the_last_activity_then_the_signing_then_the_record() {
        let (activity, signed, recorded) = (day("2020-05-01"), day("2000-01-01"), day("2026-01-01"));
        assert_eq!(
            health_basis(Some(activity), Some(signed), recorded),
            (HealthBasis::LastActivity, activity)
        );
        assert_eq!(
            health_basis(None, Some(signed), recorded),
            (HealthBasis::Signing, signed)
        );
        assert_eq!(health_basis(None, None, recorded), (HealthBasis::Record, recorded));
    }

    #[test]
    fn the_recent_window_is_twelve_months() {
        assert_eq!(recent_since(day("2026-11-27")), day("2025-11-27"));
    }

    #[test]
    fn state_changes_differ_from_the_current_state_and_keep_the_history_in_order() {
        let today = day("2026-11-27");
        let change = |current, latest: Option<&str>, to, on: &str| {
            check_state_change(current, latest.map(day), to, day(on), today)
        };
        use PartnershipState::*;
        assert_eq!(change(Dormant, Some("2010-01-01"), Active, "2019-10-15"), Ok(()));
        assert_eq!(
            change(Active, None, Active, "2019-10-15"),
            Err(StateChangeRefused::Unchanged(Active))
        );
        assert_eq!(
            change(Active, None, Ended, "2026-11-28"),
            Err(StateChangeRefused::InTheFuture)
        );
        assert_eq!(
            change(Active, Some("2020-01-01"), Suspended, "2019-12-31"),
            Err(StateChangeRefused::BeforeLastChange(day("2020-01-01")))
        );
        assert_eq!(change(Active, Some("2020-01-01"), Suspended, "2020-01-01"), Ok(()));
        assert_eq!(change(Ended, Some("2020-01-01"), InNegotiation, "2026-11-27"), Ok(()));
    }
}
