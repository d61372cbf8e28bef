use minutebook_core::meeting::MeetingId;
use minutebook_core::{MemberId, SignerRole};
use minutebook_store::{Error, NewAttestation};
use time::macros::{date, datetime};

use crate::common::{open, populated, tempdir};

const PEM: &str = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0w\n-----END ENCRYPTED PRIVATE KEY-----\n";
const PUB: &str = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";

#[test]
fn record_versions_chain_in_one_sequence_and_are_immutable() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let (mut store, ids, march) = populated(dir.path());
    assert_eq!(store.next_sequence().unwrap(), 1);
    assert_eq!(store.latest_record().unwrap(), None);

    let r1 = store
        .insert_record_version(march, 1, b"record one")
        .unwrap();
    assert_eq!((r1.version, r1.sequence), (1, 1));
    assert_eq!(
        r1.sha256,
        "49391b2fdd8dcb07d995e58eacd85ba3d131cb9078342bf16f18872f14f45151"
    );
    assert_eq!(r1.created_at.year(), 2026);
    // A later version keeps the meeting's place in the book; another place is refused.
    assert!(matches!(
        store.insert_record_version(march, 2, b"record one again"),
        Err(Error::Constraint { .. })
    ));
    let r2 = store
        .insert_record_version(march, 1, b"record two")
        .unwrap();
    assert_eq!((r2.version, r2.sequence), (2, 1));
    // Unknown meeting: refused by the foreign key.
    assert!(matches!(
        store.insert_record_version(MeetingId(99), 2, b"x"),
        Err(Error::Constraint { .. })
    ));
    assert_eq!(store.next_sequence().unwrap(), 2);
    assert_eq!(store.latest_record().unwrap().unwrap(), r2);
    assert_eq!(store.latest_record_version(march).unwrap().unwrap(), r2);
    assert_eq!(
        store.record_versions(march).unwrap(),
        vec![r1.clone(), r2.clone()]
    );
    assert_eq!(store.record_by_sha256(&r1.sha256).unwrap(), r1);

    // Attestations.
    let a = NewAttestation {
        record_sha256: r2.sha256.clone(),
        stem: "01-chair".to_owned(),
        role: SignerRole::Chair,
        member: ids[0],
        attestation: b"{\"role\":\"chair\"}".to_vec(),
        signature: vec![7; 64],
        public_key_pem: "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n".to_owned(),
    };
    let stored = store.add_attestation(&a).unwrap();
    assert_eq!(stored.signed, a);
    assert!(matches!(
        store.add_attestation(&a),
        Err(Error::Constraint { .. })
    ));
    let unknown = NewAttestation {
        record_sha256: "0".repeat(64),
        stem: "02-minute-taker".to_owned(),
        ..a.clone()
    };
    assert!(matches!(
        store.add_attestation(&unknown),
        Err(Error::Constraint { .. })
    ));
    assert_eq!(store.attestations(&r2.sha256).unwrap(), vec![stored]);
    assert!(store.attestations(&r1.sha256).unwrap().is_empty());
    drop(store);

    // Records cannot be changed in place; changed behind the program's back they are caught.
    let out = std::process::Command::new("sqlite3")
        .arg(&db)
        .arg("UPDATE record_versions SET bytes = X'00' WHERE sequence = 1 AND version = 1;")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let out = std::process::Command::new("sqlite3")
        .arg(&db)
        .arg("DROP TRIGGER record_versions_no_update; UPDATE record_versions SET bytes = CAST('record 1!' AS BLOB) WHERE sequence = 1 AND version = 1;")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = open(&db);
    assert!(matches!(
        store.record_versions(march),
        Err(Error::Corrupt(_))
    ));
    assert_eq!(store.latest_record().unwrap().unwrap(), r2);
}

#[test]
fn keys_are_stored_encrypted_listed_and_revoked_for_good() {
    let dir = tempdir();
    let (mut store, ids, _) = populated(dir.path());
    let fp1 = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    let fp2 = "ffeeddccbbaa99887766554433221100";
    let k1 = store.put_key(ids[0], Some(PEM), fp1, PUB).unwrap();
    assert_eq!(k1.created_at, store_time(&k1));
    store.put_key(ids[0], Some(PEM), fp2, PUB).unwrap();
    store
        .put_key(ids[3], None, "0123456789abcdef", PUB)
        .unwrap();
    assert_eq!(store.key(fp1).unwrap(), k1);
    assert_eq!(store.list_keys(Some(ids[0])).unwrap().len(), 2);
    assert_eq!(store.list_keys(None).unwrap().len(), 3);

    // Refusals.
    assert!(matches!(
        store.put_key(ids[0], Some(PEM), fp1, PUB),
        Err(Error::Constraint { .. })
    ));
    assert!(matches!(
        store.put_key(
            ids[0],
            Some("-----BEGIN PRIVATE KEY-----\nMC4C\n-----END PRIVATE KEY-----\n"),
            "1111111111111111",
            PUB
        ),
        Err(Error::Invalid { .. })
    ));
    assert!(matches!(
        store.put_key(ids[0], Some(PEM), "ABCDEF0123456789", PUB),
        Err(Error::Invalid { .. })
    ));
    assert!(matches!(
        store.put_key(MemberId(999), Some(PEM), "2222222222222222", PUB),
        Err(Error::Constraint { .. })
    ));
    assert!(matches!(
        store.key("3333333333333333"),
        Err(Error::NotFound { .. })
    ));

    store.revoke_key(fp1, date!(2026 - 04 - 01)).unwrap();
    assert_eq!(
        store.key(fp1).unwrap().revoked_from,
        Some(date!(2026 - 04 - 01))
    );
    assert!(matches!(
        store.revoke_key(fp1, date!(2026 - 05 - 01)),
        Err(Error::Constraint { .. })
    ));
    assert!(matches!(
        store.revoke_key("4444444444444444", date!(2026 - 05 - 01)),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        store.key(fp1).unwrap().revoked_from,
        Some(date!(2026 - 04 - 01))
    );
    store.verify_audit_chain().unwrap();
    drop(store);
    let reopened = open(&dir.path().join("minutebook.db"));
    assert_eq!(reopened.list_keys(None).unwrap().len(), 3);
}

fn store_time(k: &minutebook_store::StoredKey) -> time::OffsetDateTime {
    // The injected clock starts at 12:00:00 and steps a second per change.
    assert!(k.created_at > datetime!(2026-03-05 12:00 UTC));
    k.created_at
}
