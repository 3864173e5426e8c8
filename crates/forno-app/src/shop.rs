//! The running shop: its store, its settings and menu (cached, refreshed after each commit that
//! changes them), the event bus and the outbox's wake-up call.

use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};
use forno_domain::Menu;
use forno_store::{Connection, Store, StoreError};
use serde::Serialize;
use tokio::sync::broadcast;

use crate::backup::DailyBackup;
use crate::config::FirstRun;
use crate::demo::{self, DemoCredentials};
use crate::devices::PendingPairings;
use crate::events::{BUS_CAPACITY, Bus, PublishedEvent};
use crate::notify::MailHealth;
use crate::printing::PrintAgents;
use crate::settings::{SETTINGS_KEY, ShopSettings};
use crate::workers::OutboxWaker;
use crate::{AppError, Config};

struct Cached {
    menu: Arc<Menu>,
    settings: Arc<ShopSettings>,
}

struct Inner {
    /// Held while the shop runs: a second Forno on the same data dir stops at start-up.
    _lock: std::fs::File,
    config: Config,
    store: Store,
    bus: Bus,
    cache: RwLock<Cached>,
    pairings: PendingPairings,
    outbox_waker: OutboxWaker,
    print_agents: PrintAgents,
    mail_health: MailHealth,
}

/// The shop as it runs: cheap to clone, shared by every request and worker.
#[derive(Clone)]
pub struct Shop {
    inner: Arc<Inner>,
}

/// Whether the shop takes orders now, and when.
#[derive(Debug, Clone, Serialize)]
pub struct ShopStatus {
    pub open_now: bool,
    pub next_opening: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub pickup_slots: Vec<DateTime<Utc>>,
    pub delivery_slots: Vec<DateTime<Utc>>,
}

impl Shop {
    /// Opens the data dir: creates it, migrates the database (backing it up first), seeds a
    /// first start (the demo shop, returning the staff PINs to show once; or the example menu
    /// awaiting the setup wizard), starts the writer, and ends the outbox leases the previous
    /// run left behind (so its interrupted jobs are settled as soon as the workers start).
    pub async fn open(config: Config) -> Result<(Shop, Option<DemoCredentials>), AppError> {
        std::fs::create_dir_all(&config.data_dir).map_err(|e| {
            AppError::Config(format!(
                "cannot create the data folder {}: {e}",
                config.data_dir.display()
            ))
        })?;
        let lock = lock_data_dir(&config)?;
        let store = Store::open(&config.database_path(), &config.backup_dir())?;
        let first_run = config.first_run.unwrap_or(FirstRun::Demo);
        let credentials = demo::seed_if_new(&store, first_run, config.demo_always_open).await?;
        // Whoever held the outbox's leases is gone (the lock above proves no other Forno runs):
        // their runs were interrupted, and the workers settle them at once.
        let now = Utc::now();
        let interrupted = store
            .write(
                move |conn| forno_store::outbox::expire_leases(conn, now),
                |_| {},
            )
            .await?;
        if interrupted > 0 {
            tracing::warn!(jobs = interrupted, "jobs were running when Forno stopped");
        }
        let (menu, settings) = store.read(load_cached)?;
        let (bus, _) = broadcast::channel(BUS_CAPACITY);
        let shop = Shop {
            inner: Arc::new(Inner {
                _lock: lock,
                config,
                store,
                bus,
                cache: RwLock::new(Cached {
                    menu: Arc::new(menu),
                    settings: Arc::new(settings),
                }),
                pairings: PendingPairings::default(),
                outbox_waker: OutboxWaker::default(),
                print_agents: PrintAgents::default(),
                mail_health: MailHealth::default(),
            }),
        };
        Ok((shop, credentials))
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    pub(crate) fn store(&self) -> &Store {
        &self.inner.store
    }

    pub(crate) fn mail_health(&self) -> &MailHealth {
        &self.inner.mail_health
    }

    pub(crate) fn pairings(&self) -> &PendingPairings {
        &self.inner.pairings
    }

    pub(crate) fn bus(&self) -> Bus {
        self.inner.bus.clone()
    }

    /// Live events after commit, in seq order. A receiver that falls more than the bus capacity
    /// behind gets `Lagged` and must resync from the event log.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<PublishedEvent>> {
        self.inner.bus.subscribe()
    }

    pub fn menu(&self) -> Arc<Menu> {
        self.inner
            .cache
            .read()
            .expect("cache poisoned")
            .menu
            .clone()
    }

    pub fn settings(&self) -> Arc<ShopSettings> {
        self.inner
            .cache
            .read()
            .expect("cache poisoned")
            .settings
            .clone()
    }

    /// Called on the writer thread right after a commit that changed menu or settings.
    pub(crate) fn refresh_cache(&self, menu: Option<Menu>, settings: Option<ShopSettings>) {
        let mut cache = self.inner.cache.write().expect("cache poisoned");
        if let Some(menu) = menu {
            cache.menu = Arc::new(menu);
        }
        if let Some(settings) = settings {
            cache.settings = Arc::new(settings);
        }
    }

    pub fn status(&self, now: DateTime<Utc>) -> ShopStatus {
        let settings = self.settings();
        let clock = settings.clock();
        let fastest_zone = settings
            .zones
            .iter()
            .map(|z| z.extra_minutes)
            .min()
            .unwrap_or(0);
        ShopStatus {
            open_now: clock.is_open(now),
            next_opening: clock.next_opening(now),
            closes_at: clock.closes_at(now),
            pickup_slots: if settings.pickup_enabled {
                clock.slots(now, 0, 2)
            } else {
                Vec::new()
            },
            delivery_slots: if settings.delivery_enabled {
                clock.slots(now, fastest_zone, 2)
            } else {
                Vec::new()
            },
        }
    }

    /// Runs a read on a pooled connection, off the async threads.
    pub async fn read<R: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> Result<R, AppError> + Send + 'static,
    ) -> Result<R, AppError> {
        let store = self.inner.store.clone();
        tokio::task::spawn_blocking(move || store.read(work))
            .await
            .map_err(|_| AppError::Store(StoreError::WriterGone))?
    }

    /// The number of online orders not yet completed (for a tray badge).
    pub fn open_online_orders(&self) -> Result<i64, AppError> {
        self.inner
            .store
            .read(|conn| Ok(forno_store::orders::count_open_web(conn)?))
    }

    /// A consistent copy of the database while the shop runs.
    pub fn backup_to(&self, file: &std::path::Path) -> Result<(), AppError> {
        Ok(self.inner.store.backup_to(file)?)
    }

    /// Today's backup into the backup folder, keeping the newest `backups_to_keep` (the
    /// background work calls this on its schedule).
    pub fn daily_backup(&self, now: DateTime<Utc>) -> Result<DailyBackup, AppError> {
        crate::backup::daily(self, now)
    }

    /// The print agents connected now.
    pub fn print_agents(&self) -> &PrintAgents {
        &self.inner.print_agents
    }

    /// Wakes the outbox workers; use cases call it after a commit that enqueued jobs.
    pub fn outbox_waker(&self) -> OutboxWaker {
        self.inner.outbox_waker.clone()
    }

    /// Finishes queued writes, checkpoints the WAL and closes the database. Stop the background
    /// work first.
    pub fn close(&self) {
        self.inner.store.close();
    }
}

pub(crate) fn load_cached(conn: &Connection) -> Result<(Menu, ShopSettings), AppError> {
    let menu = forno_store::menu::load(conn)?;
    let settings =
        forno_store::settings::get::<ShopSettings>(conn, SETTINGS_KEY)?.ok_or_else(|| {
            AppError::Config("the shop has no settings; the database is incomplete".into())
        })?;
    Ok((menu, settings))
}

/// Takes the data dir's lock file, or explains that another Forno has it.
pub(crate) fn lock_data_dir(config: &Config) -> Result<std::fs::File, AppError> {
    let path = config.data_dir.join("forno.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| AppError::Config(format!("cannot create {}: {e}", path.display())))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(AppError::Store(StoreError::Locked {
            path: config.database_path(),
        })),
        Err(std::fs::TryLockError::Error(e)) => Err(AppError::Config(format!(
            "cannot lock {}: {e}",
            path.display()
        ))),
    }
}
