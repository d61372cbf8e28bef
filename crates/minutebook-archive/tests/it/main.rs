//! The committee archive against a real PostgreSQL (a throwaway cluster per test, started by
//! `support::pg`).

mod support;

mod schema;
