//! Network memberships.
