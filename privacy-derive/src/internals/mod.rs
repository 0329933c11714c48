//! The derive's front end: attributes are parsed into a model of the type, which is checked
//! before anything is generated.

pub mod ast;
pub mod attr;
pub mod check;
pub mod ctxt;
pub mod duration;
pub mod respan;
pub mod suggest;
pub mod symbol;
