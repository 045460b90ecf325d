//! Partnerships with foreign cities and their history.
