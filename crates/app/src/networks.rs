//! City networks the municipality belongs to (WeGO, UNESCO's Global Network of Learning Cities…):
//! anyone reads, staff record and edit them. There is no delete: leaving a network is recorded with
//! its `left_on` day. Every change is recorded in the network's history.

use chrono::{DateTime, NaiveDate, Utc};
use db::events::{self, NewEvent};
use domain::event::{EventKind, SubjectKind};
use domain::network::check_membership;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::{Actor, Db};

pub type Network = db::networks::Model;
pub use db::networks::{NetworkChange, NetworkFilter, NetworkSortField, NewNetwork};

/// 422 `out_of_order` at `pointer` when the membership would end before it began.
fn check_dates(joined_on: Option<NaiveDate>, left_on: Option<NaiveDate>, pointer: &str) -> Result<()> {
    check_membership(joined_on, left_on).map_err(|refused| Error::field(pointer, "out_of_order", refused.to_string()))
}

pub async fn show(db: &Db, id: Uuid) -> Result<Network> {
    db::networks::find_by_id(db, id).await?.ok_or_else(Error::not_found)
}

/// One page of networks and how many match.
pub async fn list(db: &Db, filter: &NetworkFilter) -> Result<(Vec<Network>, u64)> {
    Ok(db::networks::list(db, filter).await?)
}

/// Records a network (staff); 422 when `left_on` is before `joined_on`.
pub async fn create(db: &Db, actor: &Actor, network: NewNetwork, now: DateTime<Utc>) -> Result<Network> {
    check_dates(network.joined_on, network.left_on, "/leftOn")?;
    let txn = db::begin_write(db).await?;
    let network = db::networks::insert(&txn, network, now).await?;
    let event = NewEvent::new(SubjectKind::Network, network.id, EventKind::NetworkCreated).by(actor.user_id);
    events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(network)
}

/// Corrects a network or records that the municipality left it (staff); 422 when it would be left
/// before it was joined, blaming the date that was sent (`left_on` when both were).
pub async fn update(db: &Db, actor: &Actor, id: Uuid, change: NetworkChange, now: DateTime<Utc>) -> Result<Network> {
    let txn = db::begin_write(db).await?;
    let network = db::networks::find_by_id(&txn, id).await?.ok_or_else(Error::not_found)?;
    let pointer = if change.joined_on.is_some() && change.left_on.is_none() {
        "/joinedOn"
    } else {
        "/leftOn"
    };
    check_dates(
        change.joined_on.unwrap_or(network.joined_on),
        change.left_on.unwrap_or(network.left_on),
        pointer,
    )?;
    let network = db::networks::update(&txn, network, change, now).await?;
    let event = NewEvent::new(SubjectKind::Network, network.id, EventKind::NetworkUpdated).by(actor.user_id);
    events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(network)
}
