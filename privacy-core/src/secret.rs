//! Secrets: values no output of the process may show.

use core::fmt;
use zeroize::Zeroize;

/// A secret value (an app key, an `AppSecret`, a push certificate): zeroized on drop, never
/// printed or serialized by derived outputs, reachable only through [`Secret::expose`].
///
/// Fields marked `#[privacy(secret)]` must have this type.
///
/// ```
/// use privacy_core::Secret;
/// let key = Secret::new(String::from("s3cr3t-app-key"));
/// assert_eq!(format!("{key:?}"), "[secret]");
/// assert_eq!(key.expose(), "s3cr3t-app-key");
/// ```
pub struct Secret<T: Zeroize>(T);

impl<T: Zeroize> Secret<T> {
    /// Wraps `value`.
    ///
    /// ```
    /// use privacy_core::Secret;
    /// let certificate = Secret::new(vec![0x30_u8, 0x82, 0x01]);
    /// assert_eq!(*certificate.expose(), [0x30, 0x82, 0x01]);
    /// assert_eq!(format!("{certificate:?}"), "[secret]");
    /// ```
    pub fn new(value: T) -> Self {
        Secret(value)
    }

    /// The clear value. Every call is a place where the secret leaves its wrapper: keep them few.
    ///
    /// ```
    /// # use privacy_core::{im, Classified, Secret};
    /// #[derive(Classified)]
    /// #[privacy(category = im::ConfigurationData)]
    /// struct PushCertificate {
    ///     package: String,
    ///     #[privacy(secret)]
    ///     app_secret: Secret<String>,
    /// }
    ///
    /// let certificate = PushCertificate { package: "com.example".into(), app_secret: Secret::new("s3cr3t".into()) };
    /// assert!(!format!("{certificate:?}").contains("s3cr3t"));
    /// assert_eq!(certificate.app_secret.expose(), "s3cr3t");
    /// ```
    #[must_use]
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T: Zeroize> Drop for Secret<T> {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<T: Zeroize + Clone> Clone for Secret<T> {
    fn clone(&self) -> Self {
        Secret(self.0.clone())
    }
}

impl<T: Zeroize> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Secret(value)
    }
}

impl<T: Zeroize> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::redact::SECRET_MASK)
    }
}
