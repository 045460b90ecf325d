//! City networks the municipality belongs to (WeGO, UNESCO's Global Network of Learning Cities…):
//! anyone reads, staff record and edit them. There is no delete: leaving a network is recorded with
//! its `left_on` day. Every change is recorded in the network's history.

use chrono::{DateTime, NaiveDate, Utc};
use db::events::{self, NewEvent};
use domain::event::{EventKind, SubjectKind};
use domain::network::check_membership;
use uuid::Uuid;

use crate::Text;
use crate::error::{Error, Result};
use crate::{Actor, Db};

pub type Network = db::networks::Model;
pub use db::networks::{NetworkFilter, NetworkSortField};

/// A network to record, normalised.
#[derive(Debug, Clone)]
pub struct NewNetwork {
    pub name: Text,
    pub website: Option<String>,
    pub joined_on: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
    pub role: Option<Text>,
    pub notes: Option<Text>,
}

/// What staff change of a network: `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct NetworkEdit {
    pub name: Option<Text>,
    pub website: Option<Option<String>>,
    pub joined_on: Option<Option<NaiveDate>>,
    pub left_on: Option<Option<NaiveDate>>,
    pub role: Option<Option<Text>>,
    pub notes: Option<Option<Text>>,
}

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
    let (role_fa, role_en) = network.role.unzip();
    let (notes_fa, notes_en) = network.notes.unzip();
    let new = db::networks::NewNetwork {
        name_fa: network.name.0,
        name_en: network.name.1,
        website: network.website,
        joined_on: network.joined_on,
        left_on: network.left_on,
        role_fa,
        role_en: role_en.flatten(),
        notes_fa,
        notes_en: notes_en.flatten(),
    };
    let txn = db::begin_write(db).await?;
    let network = db::networks::insert(&txn, new, now).await?;
    let event = NewEvent::new(SubjectKind::Network, network.id, EventKind::NetworkCreated).by(actor.user_id);
    events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(network)
}

/// Corrects a network or records that the municipality left it (staff); 422 when it would be left
/// before it was joined, blaming the date that was sent (`left_on` when both were).
pub async fn update(db: &Db, actor: &Actor, id: Uuid, edit: NetworkEdit, now: DateTime<Utc>) -> Result<Network> {
    let txn = db::begin_write(db).await?;
    let network = db::networks::find_by_id(&txn, id).await?.ok_or_else(Error::not_found)?;
    let pointer = if edit.joined_on.is_some() && edit.left_on.is_none() {
        "/joinedOn"
    } else {
        "/leftOn"
    };
    check_dates(
        edit.joined_on.unwrap_or(network.joined_on),
        edit.left_on.unwrap_or(network.left_on),
        pointer,
    )?;
    let change = db::networks::NetworkChange {
        name_fa: edit.name.as_ref().map(|n| n.0.clone()),
        name_en: edit.name.map(|n| n.1),
        website: edit.website,
        joined_on: edit.joined_on,
        left_on: edit.left_on,
        role: edit.role,
        notes: edit.notes,
    };
    let network = db::networks::update(&txn, network, change, now).await?;
    let event = NewEvent::new(SubjectKind::Network, network.id, EventKind::NetworkUpdated).by(actor.user_id);
    events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(network)
}
