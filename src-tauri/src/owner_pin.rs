//! "Reset the owner's PIN…" in the tray: the way back in for an owner who forgot the PIN, on the
//! shop's own computer only (whoever can click this tray can also run `forno staff reset-pin`).
//! Behind a confirmation; the new PIN is shown once in a dialog. The reset itself (new PIN, lock
//! lifted, sessions ended, audited) is forno-app's `Shop::reset_owner_pin_here`.

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::embedded::Shell;

pub fn confirm_and_reset(app: &AppHandle) {
    let shell = app.state::<Shell>();
    let Some(shop) = shell.shop() else { return };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let owner = match shop.owner_for_reset().await {
            Ok(Some(owner)) => owner,
            Ok(None) => {
                tell(
                    &app,
                    "No owner yet",
                    "This shop has no owner yet: finish the setup wizard in the counter window first.",
                    MessageDialogKind::Info,
                );
                return;
            }
            Err(err) => {
                tell(
                    &app,
                    "PIN not reset",
                    &format!("{err}"),
                    MessageDialogKind::Error,
                );
                return;
            }
        };
        let handle = app.clone();
        app.dialog()
            .message(format!(
                "Give {owner} a new PIN?\n\nThe old PIN stops working, {owner} is logged out on \
                 every screen, and a new PIN is shown once here. The reset is written in the \
                 audit log."
            ))
            .title("Reset the owner's PIN?")
            .kind(MessageDialogKind::Warning)
            .buttons(MessageDialogButtons::OkCancelCustom(
                "Reset PIN".into(),
                "Cancel".into(),
            ))
            .show(move |confirmed| {
                if confirmed {
                    tauri::async_runtime::spawn(reset(handle, shop));
                }
            });
    });
}

async fn reset(app: AppHandle, shop: forno_app::Shop) {
    match shop.reset_owner_pin_here(chrono::Utc::now()).await {
        Ok(reset) => {
            // Tests read this line; the PIN itself is never logged.
            tracing::info!(owner = %reset.name, "owner PIN reset from the tray");
            tell(
                &app,
                "New owner PIN",
                &format!(
                    "The new PIN for {} is {}\n\nWrite it down now: it is shown only once. \
                     Log in with it, then choose your own PIN on the staff page (Personeel).",
                    reset.name, reset.pin
                ),
                MessageDialogKind::Info,
            );
        }
        Err(err) => tell(
            &app,
            "PIN not reset",
            err.message().en(),
            MessageDialogKind::Error,
        ),
    }
}

fn tell(app: &AppHandle, title: &str, message: &str, kind: MessageDialogKind) {
    app.dialog()
        .message(message)
        .title(title)
        .kind(kind)
        .show(|_| {});
}
