//! The toolkit's command line, as a library: a program only knows the classified types linked
//! into it, so each backend runs these commands from its own binary with its own types
//! (`privacy_cli::run(&args, privacy_core::registry::types(), &mut stdout)`).

pub mod sample;

use privacy_core::TypeDescriptor;
use privacy_core::report::{Inventory, Lang, fideslang, gate, tables};
use std::io::Write;

/// The commands and their options.
pub const HELP: &str = "commands:
  inventory [--json]          the record of processing (Markdown, or JSON schema privacy.inventory/1)
  tables [--lang en|zh|ja|ko|id]
                              the published policy's tables
  fideslang [--system NAME]   the inventory as a fideslang system (JSON)
  check POLICY.toml           compare the code with the declared policy; exit status 1 on drift";

/// Runs `args` over `types`, writing to `out`. Returns the exit status: 0 done, 1 drift, 2 usage.
pub fn run(args: &[String], types: &[&'static TypeDescriptor], out: &mut dyn Write) -> i32 {
    match execute(args, types, out) {
        Ok(status) => status,
        Err(message) => {
            let _ = writeln!(out, "error: {message}\n\n{HELP}");
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
        ["--help" | "-h" | "help"] => write(out, HELP)?,
        _ => return Err(format!("unknown command `{}`", words.join(" "))),
    }
    Ok(0)
}
