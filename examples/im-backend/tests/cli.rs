//! The command line as a person runs it: each defect the demo once had, with the run that
//! shows it fixed.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    let database = std::env::temp_dir().join(format!(
        "im-backend-cli-{}-{}.db",
        std::process::id(),
        args.join("-").replace(['/', ' '], "_")
    ));
    let url = format!("sqlite://{}?mode=rwc", database.display());
    let output = Command::new(env!("CARGO_BIN_EXE_im-backend"))
        .args(["--database-url", &url])
        .args(args)
        .output()
        .expect("the binary runs");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn export_writes_json_and_nothing_else_to_stdout() {
    let output = run(&["export", "user-3", "--days", "3"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let export: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("stdout is one JSON document");
    assert_eq!(export["subject"], "user-3", "{export}");
    assert!(!export["categories"].as_array().unwrap().is_empty());
}

#[test]
fn plan_lists_each_type_of_the_service_once() {
    let output = run(&["plan", "--store", "kafka"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let mut headers: Vec<&str> = stdout
        .lines()
        .filter(|line| !line.starts_with(' '))
        .filter_map(|line| line.split(" (").next())
        .collect();
    headers.sort_unstable();
    assert_eq!(
        headers,
        [
            "AccountIds",
            "AppConfig",
            "Message",
            "MonitoringSample",
            "RequestLog",
            "UserProfile"
        ],
        "{stdout}"
    );
}

#[test]
fn an_unknown_language_is_an_error_that_names_the_known_ones() {
    let output = run(&["report", "--lang", "xx"]);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert_eq!(
        stderr.trim(),
        "im-backend: unknown language `xx`; one of en, zh, ja, ko, id"
    );
    assert!(output.stdout.is_empty(), "{}", text(&output.stdout));
    let korean = run(&["report", "--lang", "ko"]);
    assert!(text(&korean.stdout).contains("| 로그 데이터 | 7일 |"));
}

#[test]
fn days_must_be_a_positive_number() {
    for days in ["-1", "0", "ten"] {
        let output = run(&["demo", "--days", days]);
        assert!(!output.status.success(), "--days {days} was accepted");
        assert!(
            text(&output.stderr).contains(&format!(
                "--days takes a whole number of days from 1 to 3650, not `{days}`"
            )),
            "{}",
            text(&output.stderr)
        );
        assert!(!text(&output.stdout).contains("simulated day"));
    }
}

#[test]
fn sweep_runs_the_days_its_help_says() {
    let help = text(&run(&["--help"]).stdout);
    assert!(
        help.contains("sweep [--days N]      N simulated days (default 7)"),
        "{help}"
    );
    let output = run(&["sweep"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.starts_with("7 simulated days of traffic"),
        "{stdout}"
    );
    // The last sweep ran at the start of day 7: 2026-01-08 00:00.
    let last = stdout.lines().last().unwrap();
    assert!(last.contains("2026-01-08"), "{stdout}");
    let one = text(&run(&["sweep", "--days", "1"]).stdout);
    assert!(one.starts_with("1 simulated day of traffic"), "{one}");
}

#[test]
fn policy_init_writes_a_file_the_gate_accepts_and_never_overwrites() {
    let path = std::env::temp_dir().join(format!("im-backend-policy-{}.toml", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let output = run(&["policy", "init", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let written = std::fs::read_to_string(&path).unwrap();
    privacy_core::report::gate::check!(&written).unwrap();
    let again = run(&["policy", "init", path.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("never overwritten"));
    let _ = std::fs::remove_file(&path);
}
