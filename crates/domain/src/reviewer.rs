//! The jury's members: which organisation each comes from and how much they can take on.

use crate::wire_enum;

wire_enum! {
    /// The organisation a reviewer sits on the jury for; each idea's reviewers come from at least two.
    pub enum Organisation ("organisation") {
        ForeignMinistry => "foreign_ministry",
        CouncilResearchCentre => "council_research_centre",
        University => "university",
        ChamberOfCommerce => "chamber_of_commerce",
        Municipality => "municipality",
        Other => "other",
    }
}

/// The most ideas a reviewer may be given in one call: a reviewer's maximum load is per call.
pub const MAX_LOAD_LIMIT: i32 = 500;
