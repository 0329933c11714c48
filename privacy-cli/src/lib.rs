//! The toolkit's command line, as a library: a program only knows the classified types linked
//! into it, so each backend runs these commands from its own binary with its own types
//! (`privacy_cli::run(&args, privacy_core::registry::types(), &mut stdout)`). The library
//! declares no classified type of its own: linking it adds nothing to the caller's registry
//! (the `privacy` binary's sample types live in the binary).

mod policy;
pub mod schema;

pub use policy::policy_file;

use privacy_core::TypeDescriptor;
use privacy_core::report::{Inventory, Lang, fideslang, gate, tables};
use std::io::Write;

/// The commands and their options.
pub const HELP: &str = "commands:
  inventory [--json]          the record of processing (Markdown, or JSON schema privacy.inventory/1)
  tables [--lang en|zh|ja|ko|id]
                              the published policy's tables
  fideslang [--system NAME]   the inventory as a fideslang system (JSON)
  check POLICY.toml           compare the code with the declared policy; exit status 1 on drift
  policy init [PATH]          write the policy the code declares, as a starting policy file
                              (to PATH, never over an existing file; to standard output without)
  schema --database-url URL   check the service's tables, columns and indexes for the engine
                              (sqlite:, postgres://, mysql://); exit status 1 when one is missing
                              (with `run_async` only: it reads the database)";

/// Runs `args` as [`run`] does, and also `schema --database-url URL`, which reads the database:
/// call it from the service's async `main`.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let args = ["schema", "--database-url", "sqlite::memory:"].map(String::from);
/// let mut out = Vec::new();
/// assert_eq!(privacy_cli::run_async(&args, &[], &mut out).await, 0);
/// assert!(String::from_utf8(out).unwrap().contains("every mapped table"));
/// # });
/// ```
pub async fn run_async(
    args: &[String],
    types: &[&'static TypeDescriptor],
    out: &mut (dyn Write + Send),
) -> i32 {
    match args {
        [command, flag, url] if command == "schema" && flag == "--database-url" => {
            match schema::check(url, types).await {
                Ok(report) => {
                    let _ = writeln!(out, "{report}");
                    i32::from(!report.is_ok())
                }
                Err(message) => {
                    let _ = writeln!(out, "error: {message}");
                    2
                }
            }
        }
        _ => run(args, types, out),
    }
}

/// Runs `args` over `types`, writing to `out`. Returns the exit status: 0 done, 1 drift, 2 a
/// command that could not run (then `out` holds one line saying why; `help` lists the
/// commands).
pub fn run(args: &[String], types: &[&'static TypeDescriptor], out: &mut dyn Write) -> i32 {
    match execute(args, types, out) {
        Ok(status) => status,
        Err(message) => {
            let _ = writeln!(out, "error: {message}");
            2
        }
    }
}

fn execute(
    args: &[String],
    types: &[&'static TypeDescriptor],
    out: &mut dyn Write,
) -> Result<i32, String> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let inventory = Inventory::from_types(types);
    let write = |out: &mut dyn Write, text: &str| {
        writeln!(out, "{text}").map_err(|error| error.to_string())
    };
    match words.as_slice() {
        ["inventory"] => write(out, &inventory.to_markdown())?,
        ["inventory", "--json"] => {
            write(
                out,
                &serde_json::to_string_pretty(&inventory.to_json())
                    .map_err(|error| error.to_string())?,
            )?;
        }
        ["tables"] => write(
            out,
            &tables::render(&inventory, Lang::En).map_err(|error| error.to_string())?,
        )?,
        ["tables", "--lang", code] => {
            let lang = Lang::from_code(code)
                .ok_or_else(|| format!("unknown language `{code}`; one of en, zh, ja, ko, id"))?;
            write(
                out,
                &tables::render(&inventory, lang).map_err(|error| error.to_string())?,
            )?;
        }
        ["fideslang"] | ["fideslang", "--system", _] => {
            let system = words.get(2).copied().unwrap_or("backend");
            let export = fideslang::export(&inventory, system);
            write(
                out,
                &serde_json::to_string_pretty(&export.manifest)
                    .map_err(|error| error.to_string())?,
            )?;
            if !export.unmapped.is_empty() {
                write(
                    out,
                    &format!(
                        "note: no fideslang mapping for {}; exported as system.operations",
                        export.unmapped.join(", ")
                    ),
                )?;
            }
        }
        ["check", path] => {
            let policy = std::fs::read_to_string(path)
                .map_err(|error| format!("cannot read {path}: {error}"))?;
            return match gate::check_types(&policy, types) {
                Ok(()) => {
                    write(
                        out,
                        &format!(
                            "the code keeps the policy of {path}: {} types checked",
                            types.len()
                        ),
                    )?;
                    Ok(0)
                }
                Err(drift) => {
                    write(out, &drift.to_string())?;
                    Ok(1)
                }
            };
        }
        ["policy", "init"] => write(out, policy_file(types).trim_end())?,
        ["policy", "init", path] => {
            let text = policy_file(types);
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|error| {
                    format!("cannot create {path}: {error} (an existing file is never overwritten)")
                })?;
            file.write_all(text.as_bytes())
                .map_err(|error| format!("cannot write {path}: {error}"))?;
            write(
                out,
                &format!(
                    "wrote {path}: {} categories of {} types; check it with `check {path}`",
                    Inventory::from_types(types).categories.len(),
                    types.len()
                ),
            )?;
        }
        ["--help" | "-h" | "help"] => write(out, HELP)?,
        ["schema", ..] => {
            return Err(
                "`schema --database-url URL` reads the database: call `privacy_cli::run_async` from the service's async main".into(),
            );
        }
        _ => {
            return Err(format!(
                "unknown command `{}`; `help` lists the commands",
                words.join(" ")
            ));
        }
    }
    Ok(0)
}
