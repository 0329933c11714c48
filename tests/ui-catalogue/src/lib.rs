//! The trybuild catalogue of `#[derive(Classified)]` lives in `tests/ui.rs` and `ui/<topic>/`:
//! each compile-fail case with its exact `.stderr`, and the accepted shapes in `ui/pass/`.
