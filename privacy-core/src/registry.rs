//! Every classified type linked into the program.
//!
//! `#[derive(Classified)]` registers each non-generic type it derives for, so inventories,
//! policy reports and data subjects' requests reach types their caller never names; taxonomies
//! register their words (see [`register_taxonomy!`](crate::register_taxonomy)) so reports name
//! their categories in every language.
//!
//! The registry holds the types of every crate linked into the program. An integration test
//! (or a binary, an example) of a package links the package's library only when its code names
//! it; `report::gate::check!` (feature `report`) names it for the drift gate's
//! one-line test.

use crate::{Taxonomy, TypeDescriptor};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The descriptors of every registered classified type, sorted by module path and name.
///
/// The list is built once, on the first look-up, and shared by every later one.
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
/// // One list for the whole process, not a new one per call.
/// assert!(core::ptr::eq(registry::types(), registry::types()));
/// ```
#[must_use]
pub fn types() -> &'static [&'static TypeDescriptor] {
    &index().types
}

/// The registered types, sorted, and their look-up tables, built on first use.
struct Index {
    types: Vec<&'static TypeDescriptor>,
    /// Full keys (`module::path::Type`); `None` where two linked types share one (types
    /// declared in function bodies of one module).
    by_key: HashMap<String, Option<&'static TypeDescriptor>>,
    /// Short names; `None` where two linked types share one.
    by_name: HashMap<&'static str, Option<&'static TypeDescriptor>>,
}

/// Records `ty` under `key`, or marks the key ambiguous when another type holds it.
fn unique<K: Eq + std::hash::Hash>(
    map: &mut HashMap<K, Option<&'static TypeDescriptor>>,
    key: K,
    ty: &'static TypeDescriptor,
) {
    map.entry(key)
        .and_modify(|found| *found = None)
        .or_insert(Some(ty));
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut types: Vec<&'static TypeDescriptor> =
            inventory::iter::<crate::__private::Registration>
                .into_iter()
                .map(|registration| registration.descriptor)
                .collect();
        types.sort_by_key(|ty| (ty.module_path, ty.name));
        types.dedup_by(|a, b| core::ptr::eq(*a, *b));
        let mut by_key = HashMap::new();
        let mut by_name = HashMap::new();
        for ty in &types {
            unique(&mut by_key, ty.key(), ty);
            unique(&mut by_name, ty.name, ty);
        }
        Index {
            types,
            by_key,
            by_name,
        }
    })
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
    let index = index();
    let found = match index.by_key.get(name) {
        Some(found) => found,
        None => index.by_name.get(name)?,
    };
    *found
}

/// The words of the taxonomy named `name`: [`im`](crate::im)'s, or one registered with
/// [`register_taxonomy!`](crate::register_taxonomy).
///
/// ```
/// use privacy_core::{im, registry, Taxonomy};
/// assert_eq!(registry::taxonomy("im").unwrap().phrase("zh", "im.log_data"), Some("日志数据"));
/// assert!(registry::taxonomy("no_such_taxonomy").is_none());
/// ```
#[must_use]
pub fn taxonomy(name: &str) -> Option<&'static dyn Taxonomy> {
    if name == crate::im::TAXONOMY {
        return Some(&crate::im::IM);
    }
    inventory::iter::<crate::__private::TaxonomyRegistration>
        .into_iter()
        .map(|registration| registration.taxonomy)
        .find(|taxonomy| taxonomy.name() == name)
}
