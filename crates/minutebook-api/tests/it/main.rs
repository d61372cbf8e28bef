//! Every use case of `minutebook-api` against a real minute book (SQLite in a temporary
//! folder), with the March 2026 case (`shared/cases/roster-to-dan-pho-7.csv`,
//! `examples/meeting-2026-03.json`): the successful path and the failures, each failure
//! checked for its error code and for leaving the book exactly as it was.
//!
//! Real parts only — the store, scrypt-encrypted keys, ed25519 signatures, bundles. Key
//! derivation (scrypt) dominates the run time, so each test creates as few keys as it needs.
//!
//! Tests that fail on the code of issue 14's time are marked `ISSUE 14` in their doc comment
//! (all of `atomicity`, and one in `attestations`):
//! they state what one-transaction use cases must guarantee.

mod support;

mod atomicity;
mod attestations;
mod cell;
mod check;
mod closing;
mod dashboard;
mod exports;
mod invitations;
mod keys;
mod meetings;
mod printing;
mod readings;
mod resolution;
mod room;
mod roster;
mod signing;
