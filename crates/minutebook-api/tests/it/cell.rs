//! Creating the cell of a new book and its settings.

use minutebook_api::ErrorCode;

use crate::support::*;

#[test]
fn a_new_book_gets_its_cell() {
    let mut c = Case::empty();
    assert_eq!(c.book.cell().unwrap(), None);
    let v = c.book.create_cell(&case_cell()).unwrap();
    assert_eq!(v.name, "Chi bộ Tổ dân phố số 7");
    assert_eq!(v.upper_committee, "Đảng bộ phường Thanh Bình");
    assert_eq!(v.id, "chi-bo-to-dan-pho-so-7");
    assert_eq!(v.required_roles, ["chair", "minute-taker"]);
    assert_eq!(c.book.cell().unwrap(), Some(v.clone()));
    // Survives closing and reopening the file.
    let db = c.db();
    drop(c.book);
    let again = minutebook_api::Book::open(&db).unwrap();
    assert_eq!(again.cell().unwrap(), Some(v));
}

#[test]
fn a_second_cell_is_refused_and_the_first_kept() {
    let mut c = Case::with_cell();
    let mut other = case_cell();
    other.name = "Chi bộ khác".into();
    fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| b.create_cell(&other));
    assert_eq!(
        c.book.cell().unwrap().unwrap().name,
        "Chi bộ Tổ dân phố số 7"
    );
}

#[test]
fn an_empty_field_is_refused_and_nothing_stored() {
    let mut c = Case::empty();
    for field in ["name", "upper_committee", "place"] {
        let mut input = case_cell();
        match field {
            "name" => input.name = "  ".into(),
            "upper_committee" => input.upper_committee = String::new(),
            _ => input.place = "\t".into(),
        }
        let e = fails_unchanged(&mut c, ErrorCode::InvalidInput, |b| b.create_cell(&input));
        assert!(e.message.contains(field), "{}", e.message);
    }
    assert_eq!(c.book.cell().unwrap(), None);
}

#[test]
fn the_default_reading_is_set_and_an_unknown_one_refused() {
    let mut c = Case::with_cell();
    c.book.set_default_reading("all-official").unwrap();
    assert_eq!(
        c.book.cell().unwrap().unwrap().default_reading,
        "all-official"
    );
    fails_unchanged(&mut c, ErrorCode::Usage, |b| {
        b.set_default_reading("most-votes")
    });
    assert_eq!(
        c.book.cell().unwrap().unwrap().default_reading,
        "all-official"
    );
}

#[test]
fn settings_need_a_cell() {
    let mut c = Case::empty();
    fails_unchanged(&mut c, ErrorCode::NotFound, |b| {
        b.set_default_reading("all-official")
    });
}
