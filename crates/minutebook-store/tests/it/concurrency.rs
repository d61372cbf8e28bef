use minutebook_core::{Member, MemberCategory, MemberId};
use minutebook_store::Store;

use crate::common::{assert_pragmas, open, options, populated, tempdir};

#[test]
fn concurrent_writers_wait_for_each_other_instead_of_failing() {
    let dir = tempdir();
    let db = dir.path().join("minutebook.db");
    let (store, ids, meeting) = populated(dir.path());
    const THREADS: usize = 4;
    const WRITES: usize = 25;
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let db = db.clone();
            let ids = ids.clone();
            std::thread::spawn(move || {
                let mut s = Store::open_with(&db, options()).unwrap();
                assert_pragmas(&s);
                for i in 0..WRITES {
                    let m = Member::new(
                        MemberId(0),
                        &format!("Luồng {t} người {i}"),
                        MemberCategory::Official,
                    );
                    s.add_member(&m).expect("no SQLITE_BUSY for a writer");
                    // A read-then-write transaction too.
                    let mut mt = s.load_meeting(meeting).unwrap();
                    mt.agenda[0].conclusion = format!("{t}-{i}");
                    mt.chair = Some(ids[t]);
                    s.save_meeting(&mt).expect("no SQLITE_BUSY for a writer");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(store.list_members().unwrap().len(), 13 + THREADS * WRITES);
    let n = store.verify_audit_chain().unwrap();
    assert_eq!(n as usize, 16 + 2 * THREADS * WRITES);
    store.integrity_check().unwrap();
    drop(store);
    assert_pragmas(&open(&db));
}
