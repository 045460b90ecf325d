//! Activities with foreign cities, formal partners or not: what kind, which way, how far along, and
//! which of them show that a tie is alive.

use chrono::NaiveDate;

use crate::wire_enum;

wire_enum! {
    /// What was done.
    pub enum ActivityKind ("activity kind") {
        Webinar => "webinar",
        Visit => "visit",
        Festival => "festival",
        Exhibition => "exhibition",
        AidShipment => "aid_shipment",
        KnowledgeExchange => "knowledge_exchange",
        Agreement => "agreement",
        Other => "other",
    }
}

wire_enum! {
    /// Which way it went: from the foreign city to ours, from ours to it, or together.
    pub enum ActivityDirection ("activity direction") {
        Inbound => "inbound",
        Outbound => "outbound",
        Joint => "joint",
    }
}

wire_enum! {
    /// How far along it is: a festival being planned, a shipment on the way, a webinar held.
    pub enum ActivityStatus ("activity status") {
        Planned => "planned",
        UnderWay => "under_way",
        Done => "done",
        Cancelled => "cancelled",
    }
}

impl ActivityStatus {
    /// The statuses of activities that show a tie is alive: plans and cancelled ones do not.
    pub const SIGNS_OF_LIFE: &'static [ActivityStatus] = &[ActivityStatus::UnderWay, ActivityStatus::Done];

    pub fn is_sign_of_life(self) -> bool {
        Self::SIGNS_OF_LIFE.contains(&self)
    }

    /// The status of an activity recorded without one: `done` for a day up to today, `planned` for a
    /// later one.
    pub fn default_for(occurred_on: NaiveDate, today: NaiveDate) -> ActivityStatus {
        if occurred_on > today {
            ActivityStatus::Planned
        } else {
            ActivityStatus::Done
        }
    }
}

/// Whether an activity counts for a partnership's health on `today`: under way or done, and not
/// dated in the future.
pub fn counts_for_health(status: ActivityStatus, on: NaiveDate, today: NaiveDate) -> bool {
    status.is_sign_of_life() && on <= today
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_held_or_running_activities_up_to_today_count() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or(NaiveDate::MIN);
        let tomorrow = today.succ_opt().unwrap_or(today);
        assert!(counts_for_health(ActivityStatus::Done, today, today));
        assert!(counts_for_health(ActivityStatus::UnderWay, today, today));
        assert!(!counts_for_health(ActivityStatus::Planned, today, today));
        assert!(!counts_for_health(ActivityStatus::Cancelled, today, today));
        assert!(!counts_for_health(ActivityStatus::Done, tomorrow, today));
    }

    #[test]
    fn an_activity_without_a_status_is_done_up_to_today_and_planned_after() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or(NaiveDate::MIN);
        let tomorrow = today.succ_opt().unwrap_or(today);
        let yesterday = today.pred_opt().unwrap_or(today);
        assert_eq!(ActivityStatus::default_for(yesterday, today), ActivityStatus::Done);
        assert_eq!(ActivityStatus::default_for(today, today), ActivityStatus::Done);
        assert_eq!(ActivityStatus::default_for(tomorrow, today), ActivityStatus::Planned);
    }
}
