//! Integration tests of minutebook-store on real files in temp dirs.

mod audit;
mod backup;
mod checks;
mod common;
mod concurrency;
mod hostile;
mod meetings;
mod members;
mod migrations;
mod records_keys;
mod search;
mod use_cases;
