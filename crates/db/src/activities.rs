//! Activities with foreign cities.
