//! The command line, driven through its library entry with the sample types.

use chrono::{DateTime, Utc};
use privacy_core::{Classified, TypeDescriptor, im};

/// Log data.
#[derive(Classified)]
#[privacy(category = im::LogData)]
struct RequestLog {
    #[privacy(redact = ip)]
    exit_ip: std::net::IpAddr,
    #[privacy(collected_at)]
    at: DateTime<Utc>,
}

fn run(args: &[&str], types: &[&'static TypeDescriptor]) -> (i32, String) {
    let mut out = Vec::new();
    let args: Vec<String> = args.iter().map(|arg| (*arg).to_owned()).collect();
    let status = privacy_cli::run(&args, types, &mut out);
    (status, String::from_utf8(out).unwrap())
}

fn policy(retention: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "privacy-cli-{}-{retention}.toml",
        std::process::id()
    ));
    std::fs::write(
        &path,
        format!(
            "[categories.\"im.log_data\"]\nuses = [\"performance_analysis\", \"provide_and_improve_feature\"]\nlegal_bases = [\"contract\"]\nretention = \"{retention}\"\nitems.public_exit_ip = [\"RequestLog.exit_ip\", \"RequestLog.at\"]\n"
        ),
    )
    .unwrap();
    path
}

#[test]
fn every_command_answers() {
    let types = [RequestLog::DESCRIPTOR];
    let (status, inventory) = run(&["inventory", "--json"], &types);
    assert_eq!(status, 0);
    assert!(inventory.contains("\"schema\": \"privacy.inventory/1\""));
    let (status, korean) = run(&["tables", "--lang", "ko"], &types);
    assert_eq!(status, 0);
    assert!(korean.contains("| 로그 데이터 | 7일 |"), "{korean}");
    let (status, fides) = run(&["fideslang", "--system", "im_backend"], &types);
    assert_eq!(status, 0);
    assert!(fides.contains("\"fides_key\": \"im_backend\""));
}

#[test]
fn check_exits_one_on_drift_and_zero_without() {
    let types = [RequestLog::DESCRIPTOR];
    let kept = policy("7d");
    let (status, out) = run(&["check", kept.to_str().unwrap()], &types);
    assert_eq!(
        (status, out.contains("keeps the policy")),
        (0, true),
        "{out}"
    );
    let shorter = policy("3d");
    let (status, out) = run(&["check", shorter.to_str().unwrap()], &types);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("- policy: 3 days"));
    let (status, out) = run(&["tables", "--lang", "fr"], &types);
    assert_eq!(status, 2);
    assert!(out.contains("unknown language `fr`"));
}

#[test]
fn a_usage_error_is_one_line_without_the_help() {
    let (status, out) = run(&["tables", "--lang", "xx"], &[RequestLog::DESCRIPTOR]);
    assert_eq!(status, 2);
    assert_eq!(
        out,
        "error: unknown language `xx`; one of en, zh, ja, ko, id\n"
    );
}

#[test]
fn linking_the_library_registers_no_type_of_its_own() {
    // This test links `privacy_cli` (it calls `run`): the registry must hold this file's
    // type only, not the `privacy` binary's sample types.
    let (status, _) = run(&["inventory"], &[RequestLog::DESCRIPTOR]);
    assert_eq!(status, 0);
    let names: Vec<&str> = privacy_core::registry::types()
        .iter()
        .map(|ty| ty.name)
        .collect();
    assert_eq!(names, ["RequestLog"]);
}

#[test]
fn policy_init_writes_the_policy_the_code_keeps() {
    let types = [RequestLog::DESCRIPTOR];
    let (status, file) = run(&["policy", "init"], &types);
    assert_eq!(status, 0, "{file}");
    assert!(file.contains("[categories.\"im.log_data\"]"), "{file}");
    assert!(file.contains("retention = \"7d\""), "{file}");
    privacy_core::report::gate::check_types(&file, &types).unwrap();
    let path = std::env::temp_dir().join(format!("privacy-cli-init-{}.toml", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let (status, out) = run(&["policy", "init", path.to_str().unwrap()], &types);
    assert_eq!(status, 0, "{out}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap().trim_end(),
        file.trim_end()
    );
    let (status, out) = run(&["policy", "init", path.to_str().unwrap()], &types);
    assert_eq!(status, 2);
    assert!(out.contains("never overwritten"), "{out}");
    let _ = std::fs::remove_file(&path);
}
