//! Invokes commands through Tauri's mock runtime with the app's real context (config, ACL,
//! capability), as the webview would. Runs without a display.

use serde_json::Value;
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

    // app_ready needs the StartedAt state that with_commands manages.
    let ready = invoke(&window, "app_ready", Value::Object(Default::default()));
    assert_eq!(ready, Ok(Value::Null));

    // Every listed command is found and allowed.
    for name in minutebook_desktop::COMMAND_NAMES {
        let result = invoke(&window, name, Value::Object(Default::default()));
        assert!(result.is_ok(), "{name}: {result:?}");
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
