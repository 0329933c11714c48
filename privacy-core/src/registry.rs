//! Every classified type linked into the program.
//!
//! `#[derive(Classified)]` registers each non-generic type it derives for, so inventories,
//! policy reports and data subjects' requests reach types their caller never names.
//!
//! The registry holds the types of every crate linked into the program. An integration test
//! (or a binary, an example) of a package links the package's library only when its code names
//! it; `report::gate::check!` (feature `report`) names it for the drift gate's
//! one-line test.

use crate::TypeDescriptor;

/// The descriptors of every registered classified type, sorted by module path and name.
///
/// ```
/// use privacy_core::{im, registry, Classified};
///
/// #[derive(Classified)]
/// #[privacy(category = im::MonitoringData)]
/// struct LatencySample {
///     interface: String,
///     #[privacy(collected_at)]
///     at: chrono::DateTime<chrono::Utc>,
/// }
///
/// assert!(registry::types().iter().any(|ty| ty.name == "LatencySample"));
/// ```
#[must_use]
pub fn types() -> Vec<&'static TypeDescriptor> {
    let mut types: Vec<&'static TypeDescriptor> = inventory::iter::<crate::__private::Registration>
        .into_iter()
        .map(|registration| registration.descriptor)
        .collect();
    types.sort_by_key(|ty| (ty.module_path, ty.name));
    types.dedup_by(|a, b| core::ptr::eq(*a, *b));
    types
}

/// The registered type named `name` (`module::path::Type` or just `Type` when unambiguous).
///
/// A short name that two linked types share finds neither; the full path still finds each.
///
/// ```standalone_crate
/// use privacy_core::{im, registry, Classified};
///
/// #[derive(Classified)]
/// #[privacy(category = im::ConfigurationData)]
/// struct CallbackSetting {
///     url: String,
/// }
///
/// let found = registry::find("CallbackSetting").unwrap();
/// assert_eq!(found.categories()[0].key, "im.configuration_data");
/// assert!(registry::find("NoSuchType").is_none());
/// ```
#[must_use]
pub fn find(name: &str) -> Option<&'static TypeDescriptor> {
    let mut matches = types().into_iter().filter(|ty| {
        ty.name == name
            || name
                .strip_suffix(ty.name)
                .and_then(|prefix| prefix.strip_suffix("::"))
                .is_some_and(|module| module == ty.module_path)
    });
    let first = matches.next()?;
    matches.next().is_none().then_some(first)
}
