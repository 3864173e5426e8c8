//! `forno`: the headless shop server and its tools. Everything the desktop app does without its
//! windows: `forno serve` runs the whole shop.
//!
//! Architecture Invariant: the binary holds no shop logic. Each command parses its arguments,
//! calls forno-app (and forno-server to serve) and says what happened; `bench` measures through
//! the same HTTP API a customer's phone uses.
//!
//! Architecture Invariant: the binary knows no SQL and serves no HTTP of its own: it is an HTTP
//! client only in `bench` (the load generator), and its raw-SQLite baseline is forno-store's
//! `baseline`. `tests/tidy.rs` checks both.

mod bench;

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use forno_app::{Config, DemoCredentials, Shop};

/// How long a stopping server waits for a job or backup in progress before closing anyway.
const BACKGROUND_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

#[derive(Parser)]
#[command(
    name = "forno",
    version,
    about = "Point of sale for pizzerias: the shop server"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the shop: the database, the API, live screens, the web pages, and the background
    /// work (daily backups, upkeep, the outbox's workers).
    Serve {
        /// Where the database, config and backups live (created with a demo shop if new, or
        /// with FORNO_FIRST_RUN=setup a shop that waits for its setup wizard at /setup).
        #[arg(long, env = "FORNO_DATA_DIR", default_value = "forno-data")]
        data_dir: PathBuf,
        /// Address to listen on (overrides forno.toml and FORNO_LISTEN).
        #[arg(long)]
        listen: Option<SocketAddr>,
    },
    /// Apply database migrations and exit.
    Migrate {
        #[arg(long, env = "FORNO_DATA_DIR", default_value = "forno-data")]
        data_dir: PathBuf,
    },
    /// Copy the database into FILE, consistently, even while the shop runs.
    Backup {
        file: PathBuf,
        #[arg(long, env = "FORNO_DATA_DIR", default_value = "forno-data")]
        data_dir: PathBuf,
    },
    /// Replace the database with the backup FILE (stop the shop first).
    Restore {
        file: PathBuf,
        #[arg(long, env = "FORNO_DATA_DIR", default_value = "forno-data")]
        data_dir: PathBuf,
    },
    /// Print the OpenAPI document of the HTTP API (as served at /api/v1/openapi.json) and exit;
    /// needs no data dir and starts no server.
    Openapi,
    /// Print a shop's tickets on a printer attached to this PC: connects to the shop's server
    /// with the token of a device paired as `printer`, prints each job, answers, reconnects.
    PrintAgent {
        /// The shop's server, e.g. http://192.168.1.10:8080.
        #[arg(long, env = "FORNO_SERVER")]
        server: String,
        /// The token from pairing this agent (role printer).
        #[arg(long, env = "FORNO_AGENT_TOKEN")]
        token: String,
        /// How the local printer is reached: tcp, serial, usb or cups.
        #[arg(long, default_value = "tcp")]
        connection: String,
        /// Its address: 127.0.0.1:9100, /dev/ttyUSB0@19200, /dev/usb/lp0, a queue name.
        #[arg(long)]
        address: String,
        /// Do not ask the printer for its status first (for printers that do not answer).
        #[arg(long)]
        no_status: bool,
    },
    /// Staff accounts, from the shop's own computer.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Measure the shop against baselines from the same run.
    #[command(subcommand)]
    Bench(bench::Bench),
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Give NAME a new PIN (printed once), lift a lock-out and end their sessions: the way back
    /// in for an owner who forgot the PIN. Works whether the shop runs or not: it writes into the
    /// same database, waiting for the running shop between two of its writes, and the running
    /// shop checks PINs and sessions against the database on every login and request.
    ResetPin {
        /// The staff member's name as on the login tiles (case does not matter).
        name: String,
        #[arg(long, env = "FORNO_DATA_DIR", default_value = "forno-data")]
        data_dir: PathBuf,
    },
}

fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let command = cli.command.unwrap_or(Command::Serve {
        data_dir: std::env::var_os("FORNO_DATA_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("forno-data")),
        listen: None,
    });
    match command {
        Command::Serve { data_dir, listen } => runtime.block_on(serve(data_dir, listen)),
        Command::Migrate { data_dir } => runtime.block_on(async {
            let config = Config::load(&data_dir)?;
            let (shop, credentials) = Shop::open(config).await?;
            if let Some(credentials) = credentials {
                print_credentials(&credentials, &data_dir);
            }
            shop.close();
            println!("The database in {} is up to date.", data_dir.display());
            Ok(())
        }),
        Command::Backup { file, data_dir } => {
            let config = Config::load(&data_dir)?;
            forno_app::backup_database(&config, &file)?;
            println!(
                "Backed up {} to {}.",
                config.database_path().display(),
                file.display()
            );
            Ok(())
        }
        Command::Restore { file, data_dir } => {
            let config = Config::load(&data_dir)?;
            forno_app::restore(&config, &file)?;
            println!(
                "Restored {} from {}.",
                config.database_path().display(),
                file.display()
            );
            Ok(())
        }
        Command::Openapi => {
            let document = forno_server::openapi_document();
            println!(
                "{}",
                serde_json::to_string_pretty(&document).context("cannot write the document")?
            );
            Ok(())
        }
        Command::PrintAgent {
            server,
            token,
            connection,
            address,
            no_status,
        } => {
            let printer = forno_print::Connection::parse(&connection, &address)
                .map_err(|(_, en)| anyhow::anyhow!("--connection/--address: {en}"))?;
            if matches!(printer, forno_print::Connection::Agent { .. }) {
                anyhow::bail!(
                    "a print agent prints on a local printer: use tcp, serial, usb or cups"
                );
            }
            println!("Forno print agent for {server}, printing on {connection} {address}");
            runtime.block_on(forno_print::agent::run(forno_print::agent::AgentConfig {
                server,
                token,
                printer,
                ask_status: !no_status,
            }));
            Ok(())
        }
        Command::Staff(StaffCommand::ResetPin { name, data_dir }) => runtime.block_on(async {
            let config = Config::load(&data_dir)?;
            let reset = forno_app::reset_pin_on_this_computer(&config, &name)
                .await
                .map_err(|e| match e {
                    // The computer's own faults: their details are what the person needs here.
                    forno_app::AppError::Store(_) | forno_app::AppError::Config(_) => {
                        anyhow::anyhow!("{e}")
                    }
                    other => anyhow::anyhow!("{}", other.message().en()),
                })?;
            println!(
                "New PIN for {} ({}): {}",
                reset.name,
                reset.role.as_str(),
                reset.pin
            );
            println!(
                "  Shown once. Log in with it, then choose your own PIN under Personeel (Staff) → Mijn pincode."
            );
            Ok(())
        }),
        Command::Bench(args) => runtime.block_on(bench::run(args)),
    }
}

async fn serve(data_dir: PathBuf, listen: Option<SocketAddr>) -> Result<()> {
    let mut config = Config::load(&data_dir)?;
    if let Some(listen) = listen {
        config.listen = listen;
    }
    let listen = config.listen;
    let (shop, credentials) = Shop::open(config).await?;
    if let Some(credentials) = credentials {
        print_credentials(&credentials, &data_dir);
    }
    let server = forno_server::start(shop.clone(), listen).await?;
    let background = shop.start_background();
    let addr = server.local_addr();
    if addr.ip().is_unspecified() {
        println!(
            "Forno is serving on http://127.0.0.1:{} (and on this computer's network address, port {})",
            addr.port(),
            addr.port()
        );
    } else {
        println!("Forno is serving on http://{addr}");
    }
    println!("  staff: /staff   customers follow an order at /track/…   API: /api/v1/openapi.json");
    if shop.needs_setup().await? {
        println!(
            "  This shop is not set up yet: open {} on this computer to name it and choose the owner's PIN.",
            server.addresses().local_url("setup")
        );
    }
    wait_for_stop().await;
    println!("Stopping: finishing requests and saving the database…");
    server.shutdown().await;
    background.shutdown(BACKGROUND_GRACE).await;
    shop.close();
    println!("Stopped cleanly.");
    Ok(())
}

fn print_credentials(credentials: &DemoCredentials, data_dir: &std::path::Path) {
    println!(
        "Created the demo shop \"{}\" in {}",
        credentials.shop_name,
        data_dir.display()
    );
    println!("  Staff PINs (shown once; write them down):");
    for (role, name, pin) in &credentials.staff {
        println!("    {:<8} {:<8} {}", role.as_str(), name, pin);
    }
}

async fn wait_for_stop() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("cannot listen for SIGTERM");
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
