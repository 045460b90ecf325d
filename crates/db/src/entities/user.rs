use domain::account::Locale;
use domain::roles::Roles;
use sea_orm::entity::prelude::*;

use crate::stored::Named;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    /// Stored as comma-separated role names (`reviewer,staff`), read and written by `Roles`'s
    /// `FromStr`/`Display`.
    pub roles: Named<Roles>,
    pub active: bool,
    pub locale: Named<Locale>,
    /// `domain::text::fold` of the e-mail and display name.
    pub search_text: String,
    /// The base32 TOTP secret, from the start of enrolment; the factor counts once `totp_enabled_at` is set.
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<DateTimeUtc>,
    /// The time step of the last accepted code: a code of it or of an earlier step is refused.
    pub totp_last_step: Option<i64>,
    /// When the owner confirmed the address through a mailed link (or set a password through one).
    pub email_verified_at: Option<DateTimeUtc>,
    /// A service account acts for an API key: it never signs in, is never listed with people and is
    /// never told anything.
    pub service: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::session::Entity")]
    Sessions,
}

impl Related<super::session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sessions.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
