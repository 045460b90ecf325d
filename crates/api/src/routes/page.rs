//! Pagination: `?limit=` (default 20, at most 100) and `?offset=`, answered as a `Page`.

use serde::Serialize;
use utoipa::ToSchema;

pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 100;
/// Offsets are 32-bit signed integers on the wire, as the contract says.
pub const MAX_OFFSET: u32 = i32::MAX as u32;

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Page<T: ToSchema> {
    pub items: Vec<T>,
    /// How many items match, over all pages.
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
}

/// The limit and offset to use, from the query's optional ones (validated beforehand).
pub fn bounds(limit: Option<u32>, offset: Option<u32>) -> (u32, u32) {
    (limit.unwrap_or(DEFAULT_LIMIT), offset.unwrap_or(0))
}
