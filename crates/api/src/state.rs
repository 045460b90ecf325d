//! What every handler shares: the database pool, the signing keys and the security policy.

use domain::throttle::ThrottlePolicy;
use ipnet::IpNet;

use crate::auth::tokens::Keys;

pub struct AppState {
    pub db: db::Db,
    pub keys: Keys,
    pub account_throttle: ThrottlePolicy,
    pub client_throttle: ThrottlePolicy,
    pub trusted_proxies: Vec<IpNet>,
    /// The office's time zone: day boundaries of dates without a time, and statistics per day.
    pub time_zone: chrono_tz::Tz,
}
