//! The committee archive against a real PostgreSQL (a throwaway cluster per test, started by
//! `support::pg`) with the March 2026 case signed by minutebook-api.

mod support;

mod chain;
mod cli;
mod ingest;
mod measure;
mod receipts;
mod schema;
