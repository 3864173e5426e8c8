//! Configuration: `forno.toml` in the data dir, then `FORNO_*` environment overrides, with
//! defaults that run a demo shop when there is neither.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::AppError;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Where the database, backups and logs live. Not read from the file.
    #[serde(skip)]
    pub data_dir: PathBuf,
    /// The address the shop's server listens on; 0.0.0.0 so phones and kitchen screens on the
    /// shop's network reach it.
    pub listen: SocketAddr,
    /// Public order placements per client address per minute.
    pub orders_per_minute: u32,
    /// Public quotes per client address per minute.
    pub quotes_per_minute: u32,
    /// How long the event log keeps events for resuming screens.
    pub event_retention_days: i64,
    /// Most WebSocket connections at once (staff and customers together).
    pub max_ws_connections: usize,
    /// How long a staff login lasts.
    pub session_hours: i64,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Serve the UI from this folder instead of the built-in one.
    pub ui_dir: Option<PathBuf>,
    /// The address customers reach the shop at from the internet (a tunnel or reverse proxy in
    /// front, e.g. `https://bestel.pizzeriadamarco.nl`), used for the links and QR codes that
    /// leave the shop. Unset or empty: the LAN address, as on the shop's Wi-Fi.
    pub public_url: Option<String>,
    /// What a first start on an empty data dir creates: the demo shop, or a shop that waits
    /// for its owner to finish the setup wizard. Unset, the program decides: `forno serve`
    /// makes the demo shop, the desktop app asks for the setup.
    pub first_run: Option<FirstRun>,
    /// Seed the demo shop open around the clock (for tests and demos at odd hours).
    pub demo_always_open: bool,
    /// Keep this many daily backups.
    pub backups_to_keep: usize,
    /// How often to look whether today's backup exists (and make it if not); also at start.
    pub backup_check_seconds: u64,
    /// The SMS provider's (CM.com's) base URL; unset: its production gateway. Tests point it at
    /// a local fake that speaks the same API.
    pub sms_base_url: Option<String>,
    /// The longest one mail or SMS may take to send, in seconds.
    pub message_timeout_seconds: u64,
    /// The wait after a mail or SMS failed for the first time, in seconds; it doubles with
    /// every further failure, up to 30 minutes.
    pub message_retry_seconds: u64,
    /// How often to look for web orders that wait unaccepted longer than the owner allows.
    pub waiting_check_seconds: u64,
    /// Run the outbox's test job kinds (`test.echo`, `test.print`) and accept them at
    /// `POST /api/v1/test/jobs`. For Forno's own tests only; not read from the file.
    #[serde(skip)]
    pub test_jobs: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_dir: PathBuf::from("forno-data"),
            listen: "0.0.0.0:8080".parse().expect("valid default address"),
            orders_per_minute: 20,
            quotes_per_minute: 240,
            event_retention_days: 7,
            max_ws_connections: 5000,
            session_hours: 12,
            max_body_bytes: 64 * 1024,
            ui_dir: None,
            public_url: None,
            first_run: None,
            demo_always_open: false,
            backups_to_keep: 30,
            backup_check_seconds: 3600,
            sms_base_url: None,
            message_timeout_seconds: 20,
            message_retry_seconds: 10,
            waiting_check_seconds: 30,
            test_jobs: false,
        }
    }
}

/// What a first start on an empty data dir creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FirstRun {
    /// "Pizzeria Da Marco" with its menu and four staff whose PINs are printed once: for trying
    /// Forno out (`forno serve`'s default).
    Demo,
    /// The example menu and nothing else: the owner names the shop, sets the hours and chooses
    /// their PIN in the setup wizard at /setup (the desktop app's default).
    Setup,
}

impl std::str::FromStr for FirstRun {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "demo" => Ok(FirstRun::Demo),
            "setup" => Ok(FirstRun::Setup),
            _ => Err(()),
        }
    }
}

pub const CONFIG_FILE: &str = "forno.toml";

impl Config {
    /// Reads `forno.toml` from `data_dir` (if there is one) and applies `FORNO_*` overrides.
    pub fn load(data_dir: &Path) -> Result<Config, AppError> {
        let file = data_dir.join(CONFIG_FILE);
        let mut config = match std::fs::read_to_string(&file) {
            Ok(text) => toml::from_str::<Config>(&text)
                .map_err(|e| AppError::Config(format!("{} is not valid: {e}", file.display())))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(e) => {
                return Err(AppError::Config(format!(
                    "cannot read {}: {e}",
                    file.display()
                )));
            }
        };
        config.data_dir = data_dir.to_owned();
        config.apply_env(|key| std::env::var(key).ok())?;
        config.check()?;
        Ok(config)
    }

    /// Values that parse but cannot work.
    fn check(&self) -> Result<(), AppError> {
        if self.backups_to_keep == 0 {
            return Err(AppError::Config(
                "backups_to_keep is 0, which would delete every backup: keep at least 1 (the default is 30).".into(),
            ));
        }
        if self.message_timeout_seconds == 0
            || self.message_retry_seconds == 0
            || self.waiting_check_seconds == 0
        {
            return Err(AppError::Config(
                "message_timeout_seconds, message_retry_seconds and waiting_check_seconds must be at least 1.".into(),
            ));
        }
        if self.backup_check_seconds == 0 {
            return Err(AppError::Config(
                "backup_check_seconds must be at least 1 (the default is 3600, an hour).".into(),
            ));
        }
        Ok(())
    }

    fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) -> Result<(), AppError> {
        fn parse<T: std::str::FromStr>(key: &str, value: String) -> Result<T, AppError> {
            value.trim().parse().map_err(|_| {
                AppError::Config(format!("environment variable {key}={value:?} is not valid"))
            })
        }
        if let Some(v) = var("FORNO_LISTEN") {
            self.listen = parse("FORNO_LISTEN", v)?;
        }
        if let Some(v) = var("FORNO_ORDERS_PER_MINUTE") {
            self.orders_per_minute = parse("FORNO_ORDERS_PER_MINUTE", v)?;
        }
        if let Some(v) = var("FORNO_QUOTES_PER_MINUTE") {
            self.quotes_per_minute = parse("FORNO_QUOTES_PER_MINUTE", v)?;
        }
        if let Some(v) = var("FORNO_EVENT_RETENTION_DAYS") {
            self.event_retention_days = parse("FORNO_EVENT_RETENTION_DAYS", v)?;
        }
        if let Some(v) = var("FORNO_MAX_WS_CONNECTIONS") {
            self.max_ws_connections = parse("FORNO_MAX_WS_CONNECTIONS", v)?;
        }
        if let Some(v) = var("FORNO_UI_DIR") {
            self.ui_dir = Some(PathBuf::from(v));
        }
        if let Some(v) = var("FORNO_PUBLIC_URL") {
            self.public_url = Some(v);
        }
        if let Some(v) = var("FORNO_FIRST_RUN") {
            self.first_run = Some(parse("FORNO_FIRST_RUN", v)?);
        }
        if let Some(v) = var("FORNO_DEMO_ALWAYS_OPEN") {
            self.demo_always_open = matches!(v.trim(), "1" | "true" | "yes");
        }
        if let Some(v) = var("FORNO_BACKUPS_TO_KEEP") {
            self.backups_to_keep = parse("FORNO_BACKUPS_TO_KEEP", v)?;
        }
        if let Some(v) = var("FORNO_BACKUP_CHECK_SECONDS") {
            self.backup_check_seconds = parse("FORNO_BACKUP_CHECK_SECONDS", v)?;
        }
        if let Some(v) = var("FORNO_SMS_BASE_URL") {
            self.sms_base_url = Some(v);
        }
        if let Some(v) = var("FORNO_MESSAGE_TIMEOUT_SECONDS") {
            self.message_timeout_seconds = parse("FORNO_MESSAGE_TIMEOUT_SECONDS", v)?;
        }
        if let Some(v) = var("FORNO_MESSAGE_RETRY_SECONDS") {
            self.message_retry_seconds = parse("FORNO_MESSAGE_RETRY_SECONDS", v)?;
        }
        if let Some(v) = var("FORNO_WAITING_CHECK_SECONDS") {
            self.waiting_check_seconds = parse("FORNO_WAITING_CHECK_SECONDS", v)?;
        }
        if let Some(v) = var("FORNO_TEST_JOBS") {
            self.test_jobs = matches!(v.trim(), "1" | "true" | "yes");
        }
        Ok(())
    }

    /// `public_url` without a trailing slash, when set and not empty.
    pub fn public_url(&self) -> Option<&str> {
        self.public_url
            .as_deref()
            .map(|u| u.trim().trim_end_matches('/'))
            .filter(|u| !u.is_empty())
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("forno.sqlite")
    }

    pub fn backup_dir(&self) -> PathBuf {
        self.data_dir.join("backups")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_then_environment() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "listen = \"127.0.0.1:9000\"\norders_per_minute = 5\n",
        )
        .unwrap();
        let mut config: Config =
            toml::from_str(&std::fs::read_to_string(dir.path().join(CONFIG_FILE)).unwrap())
                .unwrap();
        assert_eq!(config.listen.port(), 9000);
        config
            .apply_env(|k| (k == "FORNO_ORDERS_PER_MINUTE").then(|| "50".to_owned()))
            .unwrap();
        assert_eq!(config.orders_per_minute, 50);
        let err = config
            .apply_env(|k| (k == "FORNO_LISTEN").then(|| "nope".to_owned()))
            .unwrap_err();
        assert!(err.to_string().contains("FORNO_LISTEN"));
    }

    #[test]
    fn keeping_no_backups_is_refused() {
        let mut config = Config::default();
        config
            .apply_env(|k| (k == "FORNO_BACKUPS_TO_KEEP").then(|| "0".to_owned()))
            .unwrap();
        let err = config.check().unwrap_err();
        assert!(err.to_string().contains("backups_to_keep"), "{err}");
        config.backups_to_keep = 2;
        config.backup_check_seconds = 0;
        assert!(config.check().is_err());
        config.backup_check_seconds = 5;
        assert!(config.check().is_ok());
    }

    #[test]
    fn unknown_keys_are_reported() {
        assert!(toml::from_str::<Config>("lisen = \"x\"").is_err());
    }
}
