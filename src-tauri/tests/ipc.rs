//! Invokes commands through Tauri's mock runtime with the app's real context (config, ACL,
//! capability), as the webview would. Runs without a display.

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

fn app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = minutebook_desktop::with_commands(mock_builder())
        .build(minutebook_desktop::context())
        .expect("mock app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("main window builds");
    (app, window)
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // "http://tauri.localhost" counts as a remote origin on Linux (measured pitfall 7).
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.into(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("JSON response"))
}

// One test function: it sets a process-wide env var, so nothing may run beside it.
#[test]
fn commands_over_ipc() {
    let dir = std::env::temp_dir().join(format!("minutebook-ipc-test-{}", std::process::id()));
    // SAFETY: this binary has a single test and sets the variable before the app (and any
    // thread that could read the environment) exists.
    #[allow(unsafe_code)]
    unsafe {
        std::env::set_var(minutebook_desktop::data_dir::DATA_DIR_ENV, &dir);
    }
    let (_app, window) = app();

    // app_info honours MINUTEBOOK_DATA_DIR and reports the package version.
    let info =
        invoke(&window, "app_info", Value::Object(Default::default())).expect("app_info succeeds");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["dataDir"], dir.display().to_string());
    let _ = std::fs::remove_dir_all(&dir);

    // app_ready needs the StartedAt state that with_commands manages.
    let ready = invoke(&window, "app_ready", Value::Object(Default::default()));
    assert_eq!(ready, Ok(Value::Null));

    // Every listed command is found and allowed: with no arguments it either succeeds or is
    // refused for its arguments, never as unknown or not allowed. (Dialog commands would open
    // a native dialog, so they are only checked for the ACL by security_config.rs.)
    for name in minutebook_desktop::COMMAND_NAMES {
        if name.ends_with("_dialog") {
            continue;
        }
        if let Err(e) = invoke(&window, name, Value::Object(Default::default())) {
            let text = e.to_string();
            assert!(
                !text.contains("not allowed") && !text.contains("not found"),
                "{name}: {text}"
            );
        }
    }

    // Arguments are checked on the Rust side.
    let cell = invoke(
        &window,
        "create_cell",
        json!({"input": {"name": "Chi bộ Tổ dân phố số 7", "upper_committee": "Đảng bộ phường Thanh Bình",
            "place": "Hà Nội", "document_code": "CB"}}),
    )
    .expect("create_cell");
    assert_eq!(cell["name"], "Chi bộ Tổ dân phố số 7");
    let id = invoke(
        &window,
        "create_meeting",
        json!({"input": {"kind": "regular", "date": "2026-03-05", "subject": "", "place": "Nhà văn hóa"}}),
    )
    .expect("create_meeting");
    let ws = invoke(&window, "open_meeting", json!({ "id": id })).expect("open_meeting");
    assert_eq!(ws["editable"], true);
    // A huge text is refused, and nothing is saved.
    let mut doc = ws["doc"].clone();
    doc["agenda"][0]["conclusion"] = Value::String("x".repeat(100_001));
    let err = invoke(&window, "save_meeting", json!({ "id": id, "doc": doc })).unwrap_err();
    assert_eq!(err["code"], "invalid-input", "{err}");
    // A normal edit is saved and returns figures.
    let mut doc = ws["doc"].clone();
    doc["agenda"][0]["conclusion"] = Value::String("Thống nhất".into());
    let figures = invoke(&window, "save_meeting", json!({ "id": id, "doc": doc })).expect("save");
    assert!(figures["attendance"].is_object());

    // The notice's warnings, as the command line prints them: the meeting of 5 March 2026 is
    // past (the notice is dated today), and after planned times are saved, an agenda longer
    // than they allow. Catalogue ids and arguments, for the user's language.
    let warnings = invoke(&window, "invitation_warnings", json!({ "id": id })).expect("warnings");
    let list = warnings.as_array().expect("a list");
    assert_eq!(list.len(), 1, "{warnings}");
    assert_eq!(list[0]["id"], "invitation-warning-past-today");
    assert_eq!(list[0]["args"]["date"], "05/3/2026");
    assert!(
        list[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("2026-03-05"))
    );
    doc["planned_start"] = Value::String("19:30".into());
    doc["planned_end"] = Value::String("20:00".into());
    for item in doc["agenda"].as_array_mut().expect("agenda") {
        item["planned_minutes"] = Value::Null;
    }
    doc["agenda"][0]["planned_minutes"] = json!(45);
    invoke(&window, "save_meeting", json!({ "id": id, "doc": doc })).expect("save times");
    let warnings = invoke(&window, "invitation_warnings", json!({ "id": id })).expect("warnings");
    let ids: Vec<&str> = warnings
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|w| w["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "invitation-warning-past-today",
            "invitation-warning-overrun"
        ]
    );
    assert_eq!(warnings[1]["args"]["agenda_end"], "20:15");
    let err = invoke(&window, "invitation_warnings", json!({ "id": 0 })).unwrap_err();
    assert_eq!(err["code"], "invalid-input");
    let err = invoke(&window, "invitation_warnings", json!({ "id": 999_999 })).unwrap_err();
    assert_eq!(err["code"], "not-found");
    // Wrong types and impossible ids are refused.
    assert!(invoke(&window, "open_meeting", json!({ "id": "1; DROP TABLE" })).is_err());
    assert!(invoke(&window, "open_meeting", json!({ "id": 1.5 })).is_err());
    let err = invoke(&window, "open_meeting", json!({ "id": -1 })).unwrap_err();
    assert_eq!(err["code"], "invalid-input");
    assert!(
        invoke(
            &window,
            "save_meeting",
            json!({ "id": id, "doc": {"nope": 1} })
        )
        .is_err()
    );
    let err = invoke(
        &window,
        "create_key",
        json!({ "member": "1", "passphrase": "p".repeat(5_000) }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid-input");
    let err = invoke(
        &window,
        "create_cell",
        json!({"input": {"name": "x".repeat(2_000), "upper_committee": "", "place": "", "document_code": ""}}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid-input");

    // Roster editing: a member is added and comes back with an id; a huge or malformed
    // record is refused before it reaches the store.
    let member = json!({"id": "", "full_name": "Nguyễn Thị Thu Trang", "birth_date": null,
        "gender": null, "category": "probationary", "exempted": false, "exempted_since": null,
        "party_card_number": null, "admitted_on": null, "official_on": null,
        "transfer_in": null, "transfer_out": null, "suspended": false, "posts": []});
    let saved = invoke(&window, "save_member", json!({ "member": member })).expect("save_member");
    assert_eq!(saved["full_name"], "Nguyễn Thị Thu Trang");
    assert_ne!(saved["id"], "");
    let mut huge = member.clone();
    huge["full_name"] = Value::String("x".repeat(200_000));
    let err = invoke(&window, "save_member", json!({ "member": huge })).unwrap_err();
    assert_eq!(err["code"], "invalid-input");
    let mut bad = member.clone();
    bad["category"] = Value::String("<script>".into());
    let err = invoke(&window, "save_member", json!({ "member": bad })).unwrap_err();
    assert_eq!(err["code"], "invalid-input");
    assert!(invoke(&window, "save_member", json!({ "member": {"id": 1} })).is_err());

    // Backups: the number kept is bounded and typed.
    for keep in [json!(0), json!(367), json!("5"), json!(-1)] {
        assert!(
            invoke(&window, "set_backups_to_keep", json!({ "keep": keep })).is_err(),
            "{keep}"
        );
    }
    invoke(&window, "set_backups_to_keep", json!({ "keep": 12 })).expect("keep 12");
    let status = invoke(&window, "backup_status", json!({})).expect("backup_status");
    assert_eq!(status["keep"], 12);

    // open_exported opens only files an export wrote in this session, never a path the
    // webview names.
    for path in ["/etc/passwd", "../minutebook.db", ""] {
        let err = invoke(&window, "open_exported", json!({ "path": path })).unwrap_err();
        assert_eq!(err["code"], "invalid-input", "{path}");
    }

    // The webview may not open native dialogs itself: the capability grants no dialog:*.
    let denied = invoke(
        &window,
        "plugin:dialog|open",
        serde_json::json!({ "options": {} }),
    );
    let reason = denied.expect_err("dialog open must be denied to the webview");
    assert!(
        reason.to_string().contains("not allowed"),
        "denied by the ACL, not for another reason: {reason}"
    );

    // Unknown commands are rejected.
    assert!(
        invoke(
            &window,
            "no_such_command",
            Value::Object(Default::default())
        )
        .is_err()
    );
}
