//! Staff alerts for new online orders: a desktop notification with a sound, raised from the
//! shop's event bus (after commit), so it comes even when the counter window is behind another.

use std::sync::Arc;

use forno_app::{Event, Order, PublishedEvent, Shop};
use forno_domain::Channel;
use tauri::AppHandle;
use tauri::async_runtime::JoinHandle;
use tauri_plugin_notification::NotificationExt;
use tokio::sync::broadcast::error::RecvError;

use crate::tray;

/// The OS's own "new message" sound, so it follows the PC's volume and sound theme.
#[cfg(target_os = "linux")]
const SOUND: &str = "message-new-instant";
#[cfg(target_os = "macos")]
const SOUND: &str = "Glass";
#[cfg(target_os = "windows")]
const SOUND: &str = "Default";
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
const SOUND: &str = "default";

pub fn watch_orders(app: AppHandle, shop: Shop) -> JoinHandle<()> {
    // Subscribe before the first count, so no order falls between the two.
    let mut events = shop.subscribe();
    tauri::async_runtime::spawn(async move {
        tray::refresh_online_orders(&app, &shop).await;
        loop {
            match events.recv().await {
                Ok(event) => {
                    if let Some(order) = new_online_order(&event) {
                        alert(&app, "New online order", &order_text(order));
                    }
                    if is_about_an_order(&event) {
                        tray::refresh_online_orders(&app, &shop).await;
                    }
                }
                Err(RecvError::Lagged(missed)) => {
                    // The bus outran us: the count is read afresh, and staff get one alert.
                    tracing::warn!(missed, "missed events on the shop's event bus");
                    alert(&app, "New orders", "New orders came in: check the counter.");
                    tray::refresh_online_orders(&app, &shop).await;
                }
                Err(RecvError::Closed) => break,
            }
        }
    })
}

/// The order an `order.placed` event carries, if it came in online.
fn new_online_order(event: &Arc<PublishedEvent>) -> Option<&Order> {
    match &event.event {
        Ok(Event::OrderPlaced { order }) if order.channel == Channel::Web => Some(order),
        _ => None,
    }
}

fn is_about_an_order(event: &PublishedEvent) -> bool {
    event.order_id.is_some()
}

fn order_text(order: &Order) -> String {
    format!(
        "Order {} ({}) is waiting to be accepted at the counter.",
        order.number(),
        order.fulfilment.kind()
    )
}

fn alert(app: &AppHandle, title: &str, body: &str) {
    tracing::info!(title, body, "alert");
    let shown = app
        .notification()
        .builder()
        .title(title)
        .body(body)
        .sound(SOUND)
        .show();
    if let Err(err) = shown {
        // No notification service (e.g. a bare X session): the tray count still shows it.
        tracing::warn!("could not show a desktop notification: {err}");
    }
}
