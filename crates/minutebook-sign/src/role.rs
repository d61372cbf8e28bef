//! How a [`SignerRole`] is written in JSON: as its code (`chair`, `minute-taker`, `member`),
//! the one [`SignerRole::code`] gives. The core derives no serde, so fields holding a role name
//! these helpers with `#[serde(with = "…")]`.

use std::collections::BTreeMap;

use minutebook_core::SignerRole;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One role.
pub(crate) fn serialize<S: Serializer>(role: &SignerRole, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(role.code())
}

/// One role.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<SignerRole, D::Error> {
    let code = String::deserialize(d)?;
    SignerRole::from_code(&code).ok_or_else(|| {
        serde::de::Error::unknown_variant(&code, &["chair", "minute-taker", "member"])
    })
}

/// A list of roles.
pub(crate) mod list {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(roles: &[SignerRole], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(roles.iter().map(|r| r.code()))
    }
}

/// A map keyed by role, in role order.
pub(crate) mod map {
    use super::*;

    pub(crate) fn serialize<S: Serializer, V: Serialize>(
        m: &BTreeMap<SignerRole, V>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_map(m.iter().map(|(r, v)| (r.code(), v)))
    }
}
