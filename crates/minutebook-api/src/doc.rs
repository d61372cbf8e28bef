//! The documents that cross the API: the interchange form of a cell, a member, a meeting and
//! its parts (member ids as decimal strings, dates `YYYY-MM-DD`, codes as in the record). They
//! are `minutebook-record`'s, re-exported so that callers (the desktop shell, the CLI) depend on
//! this crate only.

pub use minutebook_record::doc::*;
