//! `__link_package!()`: links the calling package's library into the crate being compiled.
//!
//! `#[derive(Classified)]` registers each type with a `#[used]` static, and the linker keeps
//! every such static of each library the program links. A package's integration test (or its
//! binary, or an example) links the package's library only when its code names the library:
//! a test whose one line is the drift gate names nothing, so the registry it reads is empty.
//! This macro names the library (`extern crate <lib> as _;`), found from the variables Cargo
//! sets for every compilation, and expands to nothing inside the library itself.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::path::Path;

/// The expansion: `extern crate <lib> as _;`, or nothing.
pub fn expand(input: TokenStream) -> TokenStream {
    if !input.is_empty() {
        return quote! { ::core::compile_error!("`__link_package!` takes no arguments"); };
    }
    let Some(library) = library() else {
        return TokenStream::new();
    };
    let compiling = crate_name();
    let is_binary = std::env::var_os("CARGO_BIN_NAME").is_some();
    if !is_binary && compiling.as_deref() == Some(library.as_str()) {
        return TokenStream::new();
    }
    if syn::parse_str::<syn::Ident>(&library).is_err() {
        return TokenStream::new();
    }
    let library = syn::Ident::new(&library, Span::call_site());
    quote! { extern crate #library as _; }
}

/// The name of the crate being compiled: `--crate-name` of the compiler's command line,
/// argument files (`@path`) included. Cargo always passes it; a doctest, a crate of its own
/// that rustdoc compiles without it, has none (though Cargo's `CARGO_CRATE_NAME` names the
/// library there too).
fn crate_name() -> Option<String> {
    let mut args: Vec<String> = Vec::new();
    for arg in std::env::args() {
        match arg.strip_prefix('@').map(std::fs::read_to_string) {
            Some(Ok(file)) => args.extend(file.lines().map(str::to_owned)),
            _ => args.push(arg),
        }
    }
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--crate-name" {
            return args.next();
        }
        if let Some(name) = arg.strip_prefix("--crate-name=") {
            return Some(name.to_owned());
        }
    }
    None
}

/// The crate name of the package's library, if it has one: `[lib] name`, else the package's
/// name with `-` as `_` when the manifest has a `[lib]` table or `src/lib.rs` exists.
fn library() -> Option<String> {
    let directory = std::env::var("CARGO_MANIFEST_DIR").ok()?;
    let manifest = std::fs::read_to_string(Path::new(&directory).join("Cargo.toml")).ok()?;
    let mut in_lib = false;
    let mut has_lib = false;
    let mut name = None;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_lib = line == "[lib]";
            has_lib |= in_lib;
            continue;
        }
        if in_lib
            && let Some(value) = line
                .strip_prefix("name")
                .map(str::trim_start)
                .and_then(|rest| rest.strip_prefix('='))
        {
            name = Some(value.trim().trim_matches(['"', '\'']).replace('-', "_"));
        }
    }
    if name.is_some() {
        return name;
    }
    if !has_lib && !Path::new(&directory).join("src/lib.rs").exists() {
        return None;
    }
    Some(std::env::var("CARGO_PKG_NAME").ok()?.replace('-', "_"))
}
