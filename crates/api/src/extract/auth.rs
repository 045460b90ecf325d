//! Who is calling: `SignedIn` for any active account, `Staff`, `Admin` and `Reviewer` for those roles, and
//! `Viewer` where signing in is optional (public reads that show more to some). Every request checks the
//! session and the account in the database, so logout, deactivation and demotion act at once.
//!
//! Where the office requires a second factor, a staff or admin account without one gets a session that may
//! only enrol one: every extractor refuses it (403 `second_factor_required`) but `Enrolling`, which the
//! enrolment endpoints, the own account and the own sessions take.

use std::net::IpAddr;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use app::api_keys::KeyUse;
use domain::api_key::Access;
use domain::roles::Roles;
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

use super::client_address::client_of;
use crate::auth::api_keys::KeyCaller;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// A signed-in, active account, with its roles as they are now in the database.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: db::users::Model,
    pub roles: Roles,
    pub session_id: Uuid,
    /// The address the request came from.
    pub address: Option<IpAddr>,
    /// The session may only enrol a second factor (see the module's documentation).
    pub enrol_only: bool,
}

/// Any signed-in session, an enrol-only one included.
#[derive(Debug, Clone)]
pub struct Enrolling(pub SignedIn);

/// A signed-in admin.
#[derive(Debug, Clone)]
pub struct Admin(pub SignedIn);

/// A signed-in staff member (admins included).
#[derive(Debug, Clone)]
pub struct Staff(pub SignedIn);

/// A signed-in member of the jury (the reviewer role).
#[derive(Debug, Clone)]
pub struct Reviewer(pub SignedIn);

/// Whoever is calling: an account, or the public when no Authorization header is sent. A header
/// that is sent must be valid (401 otherwise), so a client never silently gets the public view.
#[derive(Debug, Clone)]
pub struct Viewer(pub Option<SignedIn>);

impl Viewer {
    /// Who acts, for the application layer (None: the public).
    pub fn actor(&self) -> Option<app::Actor> {
        self.0.as_ref().map(SignedIn::actor)
    }

    pub fn is_staff(&self) -> bool {
        self.0.as_ref().is_some_and(|caller| caller.roles.is_staff())
    }

    pub fn user_id(&self) -> Option<Uuid> {
        self.0.as_ref().map(|caller| caller.user.id)
    }
}

impl SignedIn {
    /// Who acts, for the application layer.
    pub fn actor(&self) -> app::Actor {
        app::Actor {
            user_id: self.user.id,
            roles: self.roles.clone(),
            address: self.address,
        }
    }

    pub fn is_staff(&self) -> bool {
        self.roles.is_staff()
    }
}

fn bearer_token(req: &HttpRequest) -> Result<String, ApiError> {
    let value = req.headers().get(header::AUTHORIZATION).ok_or_else(|| {
        ApiError::new(
            ErrorCode::NotSignedIn,
            "Send an access token: Authorization: Bearer <token>.",
        )
    })?;
    let value = value
        .to_str()
        .map_err(|_| ApiError::new(ErrorCode::InvalidToken, "The Authorization header is not readable."))?;
    match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => {
            Ok(token.trim().to_owned())
        }
        _ => Err(ApiError::new(
            ErrorCode::InvalidToken,
            "The Authorization header must be `Bearer <token>`.",
        )),
    }
}

async fn authenticate(
    state: web::Data<AppState>,
    token: String,
    address: Option<IpAddr>,
) -> Result<SignedIn, ApiError> {
    let claims = state.keys.decode_access_token(&token)?;
    let ended = || ApiError::new(ErrorCode::InvalidToken, "This session has ended; sign in again.");
    let (session, user) = db::sessions::find_with_user(&state.db, claims.sid)
        .await?
        .ok_or_else(ended)?;
    if session.revoked_at.is_some() || user.id != claims.sub {
        return Err(ended());
    }
    if !user.active {
        return Err(ApiError::new(
            ErrorCode::AccountInactive,
            "This account is deactivated.",
        ));
    }
    let roles = user.roles.0.clone();
    let enrol_only = state.must_enrol(&user);
    Ok(SignedIn {
        user,
        roles,
        session_id: session.id,
        address,
        enrol_only,
    })
}

/// The key `auth::api_keys` let through, if the request was signed with one.
fn key_caller(req: &HttpRequest) -> Option<KeyUse> {
    req.extensions().get::<KeyCaller>().map(|caller| caller.0.clone())
}

/// A key acting as staff is its service account with the staff role for this request; a key that reads
/// as the public is no signed-in caller.
fn signed_in_by_key(key: KeyUse, address: Option<IpAddr>) -> Result<SignedIn, ApiError> {
    match key.access {
        Access::Staff => Ok(SignedIn {
            roles: key.actor(address).roles,
            session_id: key.key.id,
            user: key.account,
            address,
            enrol_only: false,
        }),
        Access::Public => Err(ApiError::new(
            ErrorCode::InsufficientScope,
            "This key reads what the public reads; this operation needs the staff_read scope.",
        )),
    }
}

impl FromRequest for Enrolling {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let address = client_of(req);
        if let Some(key) = key_caller(req) {
            return Box::pin(async move { signed_in_by_key(key, address).map(Enrolling) });
        }
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("application state missing"))?;
            authenticate(state, token?, address).await.map(Enrolling)
        })
    }
}

impl FromRequest for SignedIn {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let session = Enrolling::from_request(req, payload);
        Box::pin(async move {
            let Enrolling(caller) = session.await?;
            if caller.enrol_only {
                return Err(ApiError::new(
                    ErrorCode::SecondFactorRequired,
                    "Staff and admins need a second factor: set one up at /api/v1/me/second-factor first.",
                ));
            }
            Ok(caller)
        })
    }
}

/// A signed-in caller whose roles pass `allowed`, or 403 with `refusal`.
fn with_role<T: 'static>(
    req: &HttpRequest,
    payload: &mut Payload,
    allowed: fn(&Roles) -> bool,
    refusal: &'static str,
    wrap: fn(SignedIn) -> T,
) -> LocalBoxFuture<'static, Result<T, ApiError>> {
    let signed_in = SignedIn::from_request(req, payload);
    Box::pin(async move {
        let caller = signed_in.await?;
        if !allowed(&caller.roles) {
            return Err(ApiError::new(ErrorCode::Forbidden, refusal));
        }
        Ok(wrap(caller))
    })
}

impl FromRequest for Admin {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        with_role(req, payload, Roles::is_admin, "Only an admin may do this.", Admin)
    }
}

impl FromRequest for Staff {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        with_role(req, payload, Roles::is_staff, "Only staff may do this.", Staff)
    }
}

impl FromRequest for Reviewer {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        with_role(
            req,
            payload,
            Roles::is_reviewer,
            "Only a reviewer may do this.",
            Reviewer,
        )
    }
}

impl FromRequest for Viewer {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let public_key = key_caller(req).is_some_and(|key| key.access == Access::Public);
        if !req.headers().contains_key(header::AUTHORIZATION) || public_key {
            return Box::pin(async { Ok(Viewer(None)) });
        }
        let signed_in = SignedIn::from_request(req, payload);
        Box::pin(async move { Ok(Viewer(Some(signed_in.await?))) })
    }
}
