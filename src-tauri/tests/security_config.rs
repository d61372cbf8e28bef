//! Reads tauri.conf.json, capabilities/*.json and the sources, and checks the security posture
//! the desktop issue requires. Runs without a display.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

const EXPECTED_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src ipc: http://ipc.localhost; \
object-src 'none'; base-uri 'none'; frame-src 'none'; form-action 'none'";

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn config() -> Value {
    read_json(&crate_dir().join("tauri.conf.json"))
}

fn capability_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(crate_dir().join("capabilities"))
        .expect("capabilities/ exists")
        .map(|entry| entry.expect("readable dir entry").path())
        .collect();
    files.sort();
    files
}

/// Directive name -> its sources, from a CSP string.
fn directives(csp: &str) -> Vec<(String, Vec<String>)> {
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace().map(str::to_owned);
            let name = parts.next().expect("directive has a name");
            (name, parts.collect())
        })
        .collect()
}

#[test]
fn csp_is_explicit_strict_and_exact() {
    let config = config();
    let csp = config["app"]["security"]["csp"]
        .as_str()
        .expect("app.security.csp must be a non-null string: a missing CSP allows everything");
    assert_eq!(
        csp, EXPECTED_CSP,
        "CSP changed; review the change, then update this test"
    );

    let directives = directives(csp);
    let script = &directives
        .iter()
        .find(|(name, _)| name == "script-src")
        .expect("script-src present")
        .1;
    assert_eq!(script, &["'self'"], "scripts only from the app itself");
    for (name, sources) in &directives {
        for banned in ["'unsafe-eval'", "'unsafe-inline'", "*", "http:", "https:"] {
            assert!(
                !sources.iter().any(|s| s == banned),
                "{name} must not allow {banned}"
            );
        }
    }
    assert!(
        config["app"]["security"]["devCsp"].is_null(),
        "no separate, weaker devCsp"
    );
    assert!(
        config["app"]["security"]["dangerousDisableAssetCspModification"].is_null(),
        "Tauri must keep adding hashes for the inline SvelteKit bootstrap script"
    );
}

#[test]
fn prototype_is_frozen_and_there_is_no_remote_or_dev_server() {
    let config = config();
    assert_eq!(
        config["app"]["security"]["freezePrototype"],
        Value::Bool(true)
    );
    assert!(
        config["build"]["devUrl"].is_null(),
        "devUrl makes a plain cargo build load a dev server (measured pitfall 2)"
    );
    assert!(
        config["app"]["security"]["dangerousRemoteDomainIpcAccess"].is_null(),
        "no remote IPC access"
    );
    assert_eq!(
        config["app"]["withGlobalTauri"],
        Value::Bool(false),
        "no window.__TAURI__ global"
    );
    for file in capability_files() {
        let cap = read_json(&file);
        assert!(
            cap["remote"].is_null(),
            "{}: capabilities must not grant remote URLs",
            file.display()
        );
        assert_ne!(
            cap["local"],
            Value::Bool(false),
            "{}: local only",
            file.display()
        );
    }
}

#[test]
fn the_only_window_is_main() {
    let config = config();
    let windows: Vec<&str> = config["app"]["windows"]
        .as_array()
        .expect("app.windows is a list")
        .iter()
        .map(|w| {
            w["label"]
                .as_str()
                .expect("every window has an explicit label")
        })
        .collect();
    assert_eq!(windows, ["main"]);
    assert_eq!(config["app"]["windows"][0]["title"], "Minutebook");

    let files = capability_files();
    assert_eq!(
        files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect::<Vec<_>>(),
        ["main.json"],
        "one capability file"
    );
    let cap = read_json(&files[0]);
    assert_eq!(cap["identifier"], "main");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(cap["webviews"].is_null(), "scoped by window, not webview");
    assert_eq!(
        config["app"]["security"]["capabilities"],
        serde_json::json!(["main"]),
        "only the main capability is enabled"
    );
}

fn permission_ids(cap: &Value) -> Vec<String> {
    cap["permissions"]
        .as_array()
        .expect("permissions is a list")
        .iter()
        .map(|p| match p {
            Value::String(s) => s.clone(),
            other => other["identifier"]
                .as_str()
                .expect("permission object has an identifier")
                .to_owned(),
        })
        .collect()
}

#[test]
fn no_file_system_shell_or_network_permission() {
    for file in capability_files() {
        for id in permission_ids(&read_json(&file)) {
            for banned in ["fs:", "shell:", "http:", "process:", "opener:", "dialog:"] {
                assert!(
                    !id.starts_with(banned),
                    "{}: {id} is not allowed; files and dialogs are handled in Rust",
                    file.display()
                );
            }
            assert!(
                !id.ends_with(":default") && !id.contains('*'),
                "{}: grant individual permissions, not the set {id}",
                file.display()
            );
        }
    }
}

#[test]
fn command_allow_list_matches_registered_commands_and_grants() {
    use minutebook_desktop::COMMAND_NAMES;

    // build.rs feeds the same list to AppManifest (it `include!`s src/command_names.rs).
    let build_rs = fs::read_to_string(crate_dir().join("build.rs")).unwrap();
    assert!(build_rs.contains("include!(\"src/command_names.rs\")"));
    assert!(build_rs.contains(".commands(COMMAND_NAMES)"));

    // The generate_handler! list in lib.rs.
    let lib_rs = fs::read_to_string(crate_dir().join("src/lib.rs")).unwrap();
    let start = lib_rs
        .find("generate_handler![")
        .expect("lib.rs registers commands");
    let body = &lib_rs[start + "generate_handler![".len()..];
    let body = &body[..body.find(']').expect("generate_handler! closes")];
    let registered: Vec<&str> = body
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|path| path.rsplit("::").next().unwrap())
        .collect();
    assert_eq!(
        registered, COMMAND_NAMES,
        "generate_handler! and COMMAND_NAMES drifted"
    );

    // Every command is granted to the main window by name, and nothing else of ours is.
    let cap = read_json(&crate_dir().join("capabilities/main.json"));
    let granted: BTreeSet<String> = permission_ids(&cap)
        .into_iter()
        .filter(|p| !p.contains(':'))
        .collect();
    let expected: BTreeSet<String> = COMMAND_NAMES
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(granted, expected);
}

#[test]
fn e2e_dialog_overrides_are_not_in_default_builds() {
    let manifest = fs::read_to_string(crate_dir().join("Cargo.toml")).unwrap();
    let default_line = manifest
        .lines()
        .find(|l| l.trim_start().starts_with("default ="));
    assert!(
        default_line.is_none_or(|l| !l.contains("e2e")),
        "feature e2e must never be a default feature"
    );
}

/// A 1366×768 laptop has about 700 px under its panel and the title bar: the window opens no
/// taller than that, and can be made smaller (issue 15; it opened 800 px tall).
#[test]
fn the_window_opens_within_a_768_pixel_laptop_screen() {
    let config = config();
    let w = &config["app"]["windows"][0];
    let height = w["height"].as_u64().expect("an explicit height");
    let min = w["minHeight"].as_u64().expect("an explicit minHeight");
    assert!(height <= 700, "opens {height} px tall");
    assert!(min <= height && min <= 600, "minHeight {min}");
    assert!(w["width"].as_u64().unwrap() <= 1366);
}
