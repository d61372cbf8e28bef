//! docs/meeting.schema.json describes exactly `minutebook_record::interchange::MeetingFile`:
//! the shipped example validates, broken variants do not, and a file using every field of
//! every serde struct validates with each object's keys equal to its schema's properties.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use minutebook_record::MeetingFile;
use minutebook_record::doc::{SpeakerDoc, TransferDoc};
use serde_json::{Value, json};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema() -> Value {
    let text = std::fs::read_to_string(repo().join("docs/meeting.schema.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles")
}

fn example_bytes() -> Vec<u8> {
    std::fs::read(repo().join("examples/meeting-2026-03.json")).unwrap()
}

fn example() -> Value {
    serde_json::from_slice(&example_bytes()).unwrap()
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_schema_is_valid_draft_2020_12() {
    assert!(jsonschema::draft202012::meta::is_valid(&schema()));
}

#[test]
fn the_example_validates_and_reads() {
    let v = validator();
    assert_eq!(errors(&v, &example()), Vec::<String>::new());
    let file = MeetingFile::parse(&example_bytes()).expect("the example parses");
    file.to_domain().expect("the example converts");
    // What the program writes validates too.
    let written: Value = serde_json::from_slice(&file.to_json()).unwrap();
    assert_eq!(errors(&v, &written), Vec::<String>::new());
}

/// Properties that may be left out, each with why: `cell.attendance_basis` is absent from
/// records and files written before 2026-12, and absent means their basis; `meeting.resolution`
/// is absent when the cell wrote no resolution of its own (and in everything written before
/// 2026-12).
const OPTIONAL: &[&str] = &["/$defs/cell:attendance_basis", "/$defs/meeting:resolution"];

/// Every object schema requires exactly its properties (but [`OPTIONAL`]) and allows nothing
/// else.
#[test]
fn every_object_in_the_schema_is_closed_and_fully_required() {
    fn walk(s: &Value, path: &str, count: &mut usize) {
        match s {
            Value::Object(m) => {
                if m.get("type") == Some(&json!("object")) {
                    *count += 1;
                    assert_eq!(m.get("additionalProperties"), Some(&json!(false)), "{path}");
                    let props: BTreeSet<&str> = m["properties"]
                        .as_object()
                        .unwrap()
                        .keys()
                        .map(String::as_str)
                        .filter(|k| !OPTIONAL.contains(&format!("{path}:{k}").as_str()))
                        .collect();
                    let required: BTreeSet<&str> = m["required"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|r| r.as_str().unwrap())
                        .collect();
                    assert_eq!(props, required, "{path}");
                }
                for (k, v) in m {
                    walk(v, &format!("{path}/{k}"), count);
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, path, count)),
            _ => {}
        }
    }
    let mut count = 0;
    walk(&schema(), "", &mut count);
    assert_eq!(count, 15, "the top level and 14 object definitions");
}

/// The example with every optional value filled and every list non-empty, built through the
/// serde structs, so that a field added to them (or renamed) makes this test fail.
fn full_file() -> MeetingFile {
    let mut f = MeetingFile::parse(&example_bytes()).unwrap();
    let transfer = TransferDoc {
        date: "2024-01-15".into(),
        kind: "temporary".into(),
        other_body: "Chi bộ Tổ dân phố số 3".into(),
    };
    let m = &mut f.roster[10];
    m.exempted_since = Some("2020-07-01".into());
    m.transfer_in = Some(transfer.clone());
    m.transfer_out = Some(TransferDoc {
        kind: "official".into(),
        date: "2026-06-01".into(),
        ..transfer
    });
    let a = &mut f.meeting.attendance[7];
    a.arrived_at = Some("19:45".into());
    a.left_at = Some("21:00".into());
    a.left_reason = Some("việc gia đình".into());
    f.meeting.votes[0].reading = Some("all-official".into());
    f.meeting.agenda[0]
        .speeches
        .push(minutebook_record::doc::SpeechDoc {
            speaker: SpeakerDoc {
                kind: "guest".into(),
                member_id: None,
                name: "Mai Văn Sơn".into(),
            },
            gist: "Ý kiến".into(),
        });
    f.meeting.agenda[1].presenter = None;
    f.cell.attendance_basis = Some("members-less-exempted".into());
    f.meeting.resolution = Some(minutebook_record::doc::ResolutionDoc {
        number: Some(3),
        review: "4/5 nhiệm vụ hoàn thành.".into(),
        directions: "- Vận động hộ phân loại rác.".into(),
        assignments: "- Đ/c Hoàng Văn Nam: vận động.".into(),
    });
    f
}

#[test]
fn every_serde_field_is_in_the_schema() {
    let v = validator();
    let value = serde_json::to_value(full_file()).unwrap();
    assert_eq!(errors(&v, &value), Vec::<String>::new());

    // Each object schema's key set occurs in the serialised file: with `required` and
    // `additionalProperties: false` that makes the serde structs and the schema agree.
    fn key_sets(v: &Value, out: &mut BTreeSet<Vec<String>>) {
        match v {
            Value::Object(m) => {
                out.insert(m.keys().cloned().collect());
                m.values().for_each(|v| key_sets(v, out));
            }
            Value::Array(a) => a.iter().for_each(|v| key_sets(v, out)),
            _ => {}
        }
    }
    let mut in_file = BTreeSet::new();
    key_sets(&value, &mut in_file);
    let schema = schema();
    let mut objects = vec![&schema];
    objects.extend(schema["$defs"].as_object().unwrap().values());
    for s in objects.into_iter().filter(|s| s["type"] == "object") {
        let keys: Vec<String> = s["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert!(
            in_file.contains(&sorted),
            "schema object {keys:?} does not occur in a serialised MeetingFile"
        );
    }
}

#[test]
fn broken_files_are_rejected() {
    let v = validator();
    // (what, JSON pointer to the parent, key, new value or None to delete, the Rust reader
    // also refuses it)
    let cases: Vec<(&str, &str, &str, Option<Value>, bool)> = vec![
        (
            "wrong type tag",
            "",
            "type",
            Some(json!("minutebook.record")),
            true,
        ),
        ("unknown format", "", "format", Some(json!(2)), true),
        (
            "extra top-level key",
            "",
            "signature",
            Some(json!("x")),
            true,
        ),
        (
            "extra member key",
            "/roster/0",
            "nickname",
            Some(json!("Hùng")),
            true,
        ),
        (
            "day-first date",
            "/roster/0",
            "birth_date",
            Some(json!("12/04/1968")),
            true,
        ),
        (
            "unpadded time",
            "/meeting",
            "actual_start",
            Some(json!("7:30")),
            true,
        ),
        (
            "unknown presence",
            "/meeting/attendance/0",
            "presence",
            Some(json!("late")),
            true,
        ),
        (
            "Vietnamese gender",
            "/roster/0",
            "gender",
            Some(json!("nam")),
            true,
        ),
        (
            "unknown meeting kind",
            "/meeting",
            "kind",
            Some(json!("weekly")),
            true,
        ),
        (
            "unknown role",
            "/cell",
            "required_roles",
            Some(json!(["secretary"])),
            true,
        ),
        (
            "negative count",
            "/meeting/votes/0",
            "yes",
            Some(json!(-1)),
            true,
        ),
        (
            "count as text",
            "/meeting/votes/0",
            "no",
            Some(json!("0")),
            true,
        ),
        ("id as number", "/roster/0", "id", Some(json!(1)), true),
        (
            "blank name",
            "/roster/0",
            "full_name",
            Some(json!("   ")),
            true,
        ),
        (
            "ballots without secret ballot",
            "/meeting/votes/0",
            "ballots",
            Some(json!({"issued": 8, "returned": 8, "valid": 8})),
            true,
        ),
        (
            "secret ballot without ballots",
            "/meeting/votes/1",
            "ballots",
            Some(Value::Null),
            true,
        ),
        (
            "member speaker without id",
            "/meeting/agenda/0/presenter",
            "member_id",
            Some(Value::Null),
            true,
        ),
        // Serde reads a missing optional key as null; the format always writes it.
        (
            "missing optional key",
            "/meeting/votes/0",
            "reading",
            None,
            false,
        ),
        ("missing required key", "/meeting", "status", None, true),
    ];
    for (what, parent, key, value, rust_refuses) in cases {
        let mut doc = example();
        let obj = doc.pointer_mut(parent).unwrap().as_object_mut().unwrap();
        match value {
            Some(v) => {
                obj.insert(key.to_owned(), v);
            }
            None => {
                obj.remove(key);
            }
        }
        assert!(!v.is_valid(&doc), "schema accepts: {what}");
        let bytes = serde_json::to_vec(&doc).unwrap();
        let rust = MeetingFile::parse(&bytes).and_then(|f| f.to_domain().map(|_| ()));
        assert_eq!(rust.is_err(), rust_refuses, "Rust reader on: {what}");
    }
}

#[test]
fn the_excerpt_in_the_documentation_validates() {
    let md = std::fs::read_to_string(repo().join("docs/meeting-interchange.md")).unwrap();
    let start = md.find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + md[start..].find("```").unwrap();
    let excerpt: Value = serde_json::from_str(&md[start..end]).expect("the excerpt is JSON");
    assert_eq!(errors(&validator(), &excerpt), Vec::<String>::new());
}
