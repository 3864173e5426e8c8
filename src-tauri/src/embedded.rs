//! The shop running inside the app: forno-app's `Shop` plus forno-server, started on Tauri's
//! tokio runtime and stopped cleanly on exit.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use forno_app::{Background, Config, FirstRun, Shop};
use forno_server::{RunningServer, ServerError};
use tauri::async_runtime::JoinHandle;
use tauri::{AppHandle, Manager, Url};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

use crate::{alerts, backups, monitors, network, tray, windows};

/// How long a stopping server may wait for open connections (kitchen screens, WebSockets).
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);
/// How long stopping waits for a job or backup in progress before closing the database anyway.
const BACKGROUND_GRACE: Duration = Duration::from_secs(5);

/// The app's state: where the data lives and, once started, the running shop.
pub struct Shell {
    pub data_dir: PathBuf,
    running: Mutex<Option<Running>>,
}

/// A started shop, its server, its background work and the tasks that watch it.
struct Running {
    shop: Shop,
    server: RunningServer,
    background: Background,
    urls: ShopUrls,
    tasks: Vec<JoinHandle<()>>,
}

/// Where the embedded server answers.
#[derive(Clone, Debug)]
pub struct ShopUrls {
    /// What this PC's windows load (loopback, so it works without a network).
    pub local: Url,
    /// What other devices in the shop (kitchen screens, phones on the Wi-Fi) open.
    pub lan: String,
}

impl ShopUrls {
    pub fn page(&self, path_and_query: &str) -> Url {
        self.local
            .join(path_and_query)
            .expect("a fixed page path joins onto the server's base URL")
    }
}

/// Why the shop did not start, worded for the person at the counter.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(
        "Forno could not read its settings: {source}. Fix or remove forno.toml in {dir}, then \
         start Forno again."
    )]
    Config {
        dir: PathBuf,
        source: forno_app::AppError,
    },
    #[error(
        "Forno could not open the shop's data in {dir}: {source}. Check that the disk is not \
         full and that no other Forno uses this folder, then start Forno again."
    )]
    Open {
        dir: PathBuf,
        source: forno_app::AppError,
    },
    #[error(
        "Another program already uses {addr}, where Forno's server should listen. Close that \
         program (perhaps Forno or `forno serve` is already running), or set another `listen` \
         address in {config}; then start Forno again."
    )]
    PortTaken { addr: SocketAddr, config: PathBuf },
    #[error(
        "Forno could not start its server: {source} Check `listen` in {config}; then start Forno again."
    )]
    Listen {
        config: PathBuf,
        source: ServerError,
    },
}

impl Shell {
    pub fn new(data_dir: PathBuf) -> Self {
        Shell {
            data_dir,
            running: Mutex::new(None),
        }
    }

    pub fn urls(&self) -> Option<ShopUrls> {
        self.lock().as_ref().map(|running| running.urls.clone())
    }

    pub fn shop(&self) -> Option<Shop> {
        self.lock().as_ref().map(|running| running.shop.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Running>> {
        // A panic elsewhere must not stop the shop from shutting down cleanly.
        self.running
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Starts the shop without blocking the window: the counter window shows the "starting…" page
/// and moves to the counter page once the server answers. A failure ends in a dialog.
pub fn start_in_background(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let data_dir = app.state::<Shell>().data_dir.clone();
        if let Some(backup) = backups::restore_requested() {
            backups::restore_before_start(&app, &data_dir, backup).await;
        }
        let started = std::time::Instant::now();
        match start(&data_dir).await {
            Ok((shop, server)) => {
                let urls = network::shop_urls(server.addresses());
                // Same line as `forno serve`, so scripts can wait for either.
                println!("Forno is serving on http://{}", server.local_addr());
                tracing::info!(
                    lan = %urls.lan,
                    data_dir = %data_dir.display(),
                    elapsed_ms = started.elapsed().as_millis() as u64,
                    "shop started"
                );
                let background = shop.start_background();
                let tasks = vec![
                    alerts::watch_orders(app.clone(), shop.clone()),
                    backups::alert_when_failing(app.clone(), background.backups()),
                    monitors::watch(app.clone()),
                ];
                *app.state::<Shell>().lock() = Some(Running {
                    shop,
                    server,
                    background,
                    urls: urls.clone(),
                    tasks,
                });
                tray::show_running(&app, &urls);
                windows::show_shop(&app, &urls);
            }
            Err(err) => {
                tracing::error!("{err}");
                tray::show_stopped(&app);
                app.dialog()
                    .message(err.to_string())
                    .title("Forno cannot start")
                    .kind(MessageDialogKind::Error)
                    .show(move |_| app.exit(1));
            }
        }
    });
}

async fn start(data_dir: &Path) -> Result<(Shop, RunningServer), StartError> {
    let dir = data_dir.to_path_buf();
    let mut config = Config::load(&dir).map_err(|source| StartError::Config {
        dir: dir.clone(),
        source,
    })?;
    // The owner who installs the app sets their own shop up (FORNO_FIRST_RUN=demo or
    // `first_run = "demo"` in forno.toml gives the demo shop instead).
    config.first_run.get_or_insert(FirstRun::Setup);
    let listen = config.listen;
    // Opening migrates and seeds the database (blocking work), and its future is not `Send`:
    // it runs to completion on a blocking thread.
    let (shop, demo) = tauri::async_runtime::spawn_blocking(move || {
        tauri::async_runtime::block_on(Shop::open(config))
    })
    .await
    .expect("opening the shop does not panic")
    .map_err(|source| StartError::Open { dir, source })?;
    if let Some(demo) = demo {
        print_demo_credentials(&demo);
    }

    match forno_server::start(shop.clone(), listen).await {
        Ok(server) => Ok((shop, server)),
        Err(err) => {
            shop.close();
            let config = data_dir.join("forno.toml");
            Err(match err {
                ServerError::AddressInUse(addr) => StartError::PortTaken { addr, config },
                source => StartError::Listen { config, source },
            })
        }
    }
}

/// First start with the demo shop: the PINs are needed to log in, and are shown only now.
fn print_demo_credentials(demo: &forno_app::DemoCredentials) {
    println!(
        "Demo shop \"{}\" created. Staff PINs (shown once):",
        demo.shop_name
    );
    for (role, name, pin) in &demo.staff {
        println!("  {:<8} {:<7} {pin}", role.as_str(), name);
    }
}

/// Stops the server (open requests finish) and the background work (a job or backup in progress
/// finishes, briefly), then closes the shop, which checkpoints the WAL so the database is one
/// self-contained file again. Safe to call twice.
pub fn stop(app: &AppHandle) {
    let Some(running) = app.state::<Shell>().lock().take() else {
        return;
    };
    for task in &running.tasks {
        task.abort();
    }
    tauri::async_runtime::block_on(async {
        if tokio::time::timeout(SHUTDOWN_GRACE, running.server.shutdown())
            .await
            .is_err()
        {
            tracing::warn!("server did not stop within {SHUTDOWN_GRACE:?}; closing anyway");
        }
        running.background.shutdown(BACKGROUND_GRACE).await;
    });
    running.shop.close();
    tracing::info!("shop closed cleanly");
}
