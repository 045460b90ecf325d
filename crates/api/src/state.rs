//! What every handler shares: the database pool, the signing keys and the security policy.

use app::accounts::Throttles;
use chrono::{NaiveDate, Utc};
use domain::partnership::DormancyRule;
use ipnet::IpNet;

use crate::auth::password::PasswordHashing;
use crate::auth::tokens::Keys;

pub struct AppState {
    pub db: db::Db,
    pub keys: Keys,
    /// Password hashing, on a few threads of its own with a bounded wait.
    pub passwords: PasswordHashing,
    /// How many failed sign-ins lock an account or a client address out, and for how long.
    pub throttles: Throttles,
    /// Whether staff and admins must have a second factor to do more than enrol one.
    pub require_second_factor: bool,
    pub trusted_proxies: Vec<IpNet>,
    /// The office's time zone: day boundaries of dates without a time, and statistics per day.
    pub time_zone: chrono_tz::Tz,
    /// When a partnership without recent activity counts as dormant.
    pub dormancy: DormancyRule,
    /// Whether a new account must confirm its address through a mailed link before submitting ideas.
    pub require_email_verification: bool,
    /// Whether the server mails (MAIL_URL is set): then set-password links go only to their owners.
    pub mail_delivers: bool,
    /// How the ranking calibrates and when it flags disagreement.
    pub ranking: domain::ranking::RankingRules,
    /// Where webhook endpoints may point.
    pub webhook_policy: webhook::TargetPolicy,
    /// Where files are kept, how uploads are checked and how links to them are signed.
    pub files: app::files::FileStore,
}

impl AppState {
    /// Whether an account holding these roles must have a second factor here (the office's setting and
    /// the domain's rule).
    pub fn second_factor_required(&self, roles: &domain::roles::Roles) -> bool {
        self.require_second_factor && domain::second_factor::required_for(roles)
    }

    /// Whether the account's sessions may only enrol a second factor: it must have one and has none.
    pub fn must_enrol(&self, user: &db::users::Model) -> bool {
        self.second_factor_required(&user.roles) && user.totp_enabled_at.is_none()
    }

    /// Today in the office's time zone.
    pub fn today(&self) -> NaiveDate {
        domain::call::office_day(Utc::now(), self.time_zone)
    }

    /// The dates a partnership's health is reckoned with, today.
    pub fn health_dates(&self) -> db::partnerships::HealthDates {
        let today = self.today();
        db::partnerships::HealthDates {
            today,
            recent_since: domain::partnership::recent_since(today),
            dormant_before: self.dormancy.cutoff(today),
        }
    }
}
