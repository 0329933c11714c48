//! The derive's front end: attributes are parsed into the type's options (`ast`, `attr`),
//! checked (`check`), then resolved into the model the generators read (`model`).

pub mod ast;
pub mod attr;
pub mod check;
pub mod ctxt;
pub mod duration;
pub mod model;
pub mod respan;
pub mod suggest;
pub mod symbol;
