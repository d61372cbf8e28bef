use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use minutebook_core::{Member, MemberCategory, MemberId};
use minutebook_store::{Error, Store};
use time::macros::date;

use crate::common::{open, options, populated, tempdir};

#[test]
fn a_backup_opens_passes_integrity_check_and_holds_the_same_content() {
    let dir = tempdir();
    let (store, _, id) = populated(dir.path());
    let dest = dir.path().join("copy.db");
    store.backup_to(&dest).unwrap();
    store.integrity_check().unwrap();
    let copy = open(&dest);
    copy.integrity_check().unwrap();
    assert_eq!(copy.list_members().unwrap(), store.list_members().unwrap());
    assert_eq!(
        copy.load_meeting(id).unwrap(),
        store.load_meeting(id).unwrap()
    );
    assert_eq!(copy.audit_log().unwrap(), store.audit_log().unwrap());

    // Never overwrites.
    let before = std::fs::read(&dest).unwrap();
    assert!(matches!(
        store.backup_to(&dest),
        Err(Error::AlreadyExists(_))
    ));
    assert_eq!(std::fs::read(&dest).unwrap(), before);
    // No partial file left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn backups_while_another_connection_writes() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let (store, _, _) = populated(dir.path());
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, stop) = (db.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut w = Store::open_with(&db, options()).unwrap();
            let mut n = 0u32;
            while !stop.load(Ordering::Relaxed) || n < 20 {
                let m = Member::new(
                    MemberId(0),
                    &format!("Người viết {n}"),
                    MemberCategory::Official,
                );
                w.add_member(&m).expect("write during backup");
                n += 1;
            }
            n
        })
    };
    let mut counts = Vec::new();
    for i in 0..5 {
        let dest = dir.path().join(format!("during-{i}.db"));
        store.backup_to(&dest).unwrap();
        let copy = open(&dest);
        copy.integrity_check().unwrap();
        let n = copy.verify_audit_chain().unwrap();
        assert_eq!(n as usize, copy.audit_log().unwrap().len());
        counts.push(copy.list_members().unwrap().len());
    }
    stop.store(true, Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(written >= 20);
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
    assert_eq!(store.list_members().unwrap().len(), 13 + written as usize);
    store.verify_audit_chain().unwrap();
}

#[test]
fn daily_backups_roll_and_keep_the_newest() {
    let dir = tempdir();
    let (store, _, _) = populated(dir.path());
    let backups = dir.path().join("backups");
    let first = store
        .maybe_daily_backup(&backups, date!(2026 - 03 - 01), 3)
        .unwrap()
        .unwrap();
    assert!(first.ends_with("minutebook.db.daily-2026-03-01.bak"));
    assert_eq!(
        store
            .maybe_daily_backup(&backups, date!(2026 - 03 - 01), 3)
            .unwrap(),
        None,
        "one per day"
    );
    for day in 2..=6 {
        let today = time::Date::from_calendar_date(2026, time::Month::March, day).unwrap();
        assert!(
            store
                .maybe_daily_backup(&backups, today, 3)
                .unwrap()
                .is_some()
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "minutebook.db.daily-2026-03-04.bak",
            "minutebook.db.daily-2026-03-05.bak",
            "minutebook.db.daily-2026-03-06.bak"
        ]
    );
    open(&backups.join(&names[2])).integrity_check().unwrap();
}

#[test]
fn backups_to_keep_is_a_setting() {
    let dir = tempdir();
    let (mut store, _, _) = populated(dir.path());
    assert_eq!(store.backups_to_keep().unwrap(), 5);
    store.set_backups_to_keep(9).unwrap();
    assert_eq!(store.backups_to_keep().unwrap(), 9);
    assert!(matches!(
        store.set_backups_to_keep(0),
        Err(Error::Invalid { .. })
    ));
}
