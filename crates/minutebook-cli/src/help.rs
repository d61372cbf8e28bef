//! The command line's help and usage errors in the user's language.
//!
//! clap writes its help and errors in English. Every command's and argument's help here comes
//! from the Fluent catalogue instead (`i18n/vi.ftl`, `i18n/en.ftl`), under ids derived from the
//! command path: `cli-help` for the program, `cli-help-meeting-close` for `meeting close`, and
//! `cli-help-meeting-close--id` for its `id` argument (underscores in an argument's id become
//! hyphens). A test walks the whole command tree and requires every id in both languages, so a
//! new command or flag cannot reach users without its help.
//!
//! Usage errors are rendered from the catalogue too: the kind of mistake, the argument or value
//! at fault, clap's suggestion when it has one, and the usage line.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};
use minutebook_api::{Lang, tr};

use crate::Cli;

/// The language asked for on the command line (`--lang X` or `--lang=X`, anywhere), else
/// `$MINUTEBOOK_LANG`, else Vietnamese — known before clap parses, so that help and usage
/// errors are already in it.
pub fn lang_from_args<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> Lang {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut explicit = None;
    for (i, a) in args.iter().enumerate() {
        if a == "--" {
            break;
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            explicit = Some(v.to_owned());
        } else if a == "--lang" {
            explicit = args.get(i + 1).cloned();
        }
    }
    Lang::pick(explicit.as_deref())
}

/// The catalogue id of the help of the command at `path` (subcommand names from the root).
pub fn command_id(path: &[String]) -> String {
    std::iter::once("cli-help".to_owned())
        .chain(path.iter().cloned())
        .collect::<Vec<_>>()
        .join("-")
}

/// The catalogue id of the help of argument `arg_id` of the command at `path`.
pub fn arg_id(path: &[String], arg_id: &str) -> String {
    format!("{}--{}", command_id(path), arg_id.replace('_', "-"))
}

/// The `minutebook` command with every help text, heading and built-in flag in `lang`.
pub fn command(lang: Lang) -> Command {
    let t = |id: &str| tr(lang, id, &[]);
    localize(Cli::command(), lang, &[])
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t("cli-flag-version"))
                .help_heading(t("cli-heading-options")),
        )
}

fn localize(cmd: Command, lang: Lang, path: &[String]) -> Command {
    let readings = minutebook_api::counting_reading_codes().join(", ");
    let t = |id: &str| tr(lang, id, &[("readings", readings.clone())]);
    let options = t("cli-heading-options");
    let arguments = t("cli-heading-arguments");
    let mut cmd = cmd
        .about(t(&command_id(path)))
        .long_about(None)
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t("cli-heading-usage")
        ))
        .subcommand_help_heading(t("cli-heading-commands"))
        .subcommand_value_name(t("cli-value-command"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t("cli-flag-help"))
                .help_heading(options.clone()),
        );
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .filter(|a| a.get_id() != "help")
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let help = t(&arg_id(path, &id));
        let heading = if positional {
            arguments.clone()
        } else {
            options.clone()
        };
        cmd = cmd.mut_arg(id, |a| a.help(help).help_heading(heading));
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subcommands {
        let mut sub_path = path.to_vec();
        sub_path.push(name.clone());
        cmd = cmd.mut_subcommand(name, |s| localize(s, lang, &sub_path));
    }
    cmd
}

/// A usage error in `lang`: the mistake, clap's suggestion if any, the usage line and where to
/// find more. Help and version requests are returned as clap wrote them (already localized).
pub fn render_error(e: &clap::Error, lang: Lang) -> String {
    let t = |id: &str, args: &[(&str, String)]| tr(lang, id, args);
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return e.render().to_string();
    }
    let ctx = |kind: ContextKind| -> String {
        match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            Some(ContextValue::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    };
    let arg = ctx(ContextKind::InvalidArg);
    let value = ctx(ContextKind::InvalidValue);
    let headline = match e.kind() {
        ErrorKind::UnknownArgument => t("cli-error-unknown-argument", &[("arg", arg)]),
        ErrorKind::InvalidSubcommand => t(
            "cli-error-unknown-command",
            &[("command", ctx(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::MissingRequiredArgument => t("cli-error-missing-argument", &[("arg", arg)]),
        ErrorKind::MissingSubcommand => t("cli-error-missing-command", &[]),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => t(
            "cli-error-invalid-value",
            &[
                ("arg", arg),
                ("value", value),
                ("valid", ctx(ContextKind::ValidValue)),
            ],
        ),
        ErrorKind::ArgumentConflict => t(
            "cli-error-conflict",
            &[("arg", arg), ("other", ctx(ContextKind::PriorArg))],
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            t("cli-error-value-count", &[("arg", arg)])
        }
        ErrorKind::NoEquals => t("cli-error-no-equals", &[("arg", arg)]),
        _ => t("cli-error-other", &[]),
    };
    let mut out = format!("{}: {headline}\n", t("cli-error", &[]));
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        let s = ctx(kind);
        if !s.is_empty() {
            out.push_str(&format!(
                "\n  {}\n",
                t("cli-error-suggestion", &[("suggestion", s)])
            ));
        }
    }
    let usage = ctx(ContextKind::Usage);
    if let Some(line) = usage.lines().find(|l| !l.trim().is_empty()) {
        // clap's usage context starts "Usage: "; ours says it in the user's language.
        let line = line.trim().trim_start_matches("Usage:").trim();
        out.push_str(&format!("\n{} {line}\n", t("cli-heading-usage", &[])));
    }
    out.push_str(&format!("\n{}\n", t("cli-error-more", &[])));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(cmd: &Command, path: &mut Vec<String>, ids: &mut Vec<String>) {
        ids.push(command_id(path));
        for a in cmd.get_arguments() {
            ids.push(arg_id(path, a.get_id().as_str()));
        }
        for s in cmd.get_subcommands() {
            path.push(s.get_name().to_owned());
            walk(s, path, ids);
            path.pop();
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        let mut ids = Vec::new();
        walk(&Cli::command(), &mut Vec::new(), &mut ids);
        assert!(ids.len() > 60, "the walk found only {} ids", ids.len());
        let missing: Vec<_> = ids
            .iter()
            .filter(|id| !minutebook_api::has_message(id))
            .collect();
        assert!(
            missing.is_empty(),
            "help missing from a catalogue: {missing:?}"
        );
        for id in [
            "cli-flag-help",
            "cli-flag-version",
            "cli-heading-usage",
            "cli-heading-options",
            "cli-heading-arguments",
            "cli-heading-commands",
            "cli-value-command",
            "cli-error",
            "cli-error-more",
        ] {
            assert!(minutebook_api::has_message(id), "{id}");
        }
    }

    #[test]
    fn the_localized_command_is_valid_in_both_languages() {
        for lang in [Lang::Vi, Lang::En] {
            command(lang).debug_assert();
        }
    }

    #[test]
    fn lang_is_found_before_parsing() {
        let l = |v: &[&str]| lang_from_args(v.iter().map(std::ffi::OsString::from));
        assert_eq!(l(&["minutebook", "--lang", "en", "--help"]), Lang::En);
        assert_eq!(l(&["minutebook", "meeting", "--lang=en"]), Lang::En);
        assert_eq!(l(&["minutebook", "--", "--lang", "en"]), Lang::pick(None));
    }
}
