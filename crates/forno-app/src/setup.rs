//! The first-run setup (D4). A shop started for its owner (not the demo) has the example menu,
//! no staff, and online orders paused. In the setup wizard the owner names the shop, sets its
//! hours and how it sells, and chooses their own name and PIN: one transaction creates the
//! owner's account, saves the settings, opens online ordering and logs the owner in.

use chrono::{DateTime, Utc};
use forno_domain::{Message, Role, check_display_name, check_new_pin, msg};

use crate::auth::{Session, hash_pin};
use crate::settings::ShopSettings;
use crate::{AppError, Shop};

/// What the owner fills in on the first start.
#[derive(Debug, Clone)]
pub struct SetupForm {
    pub settings: ShopSettings,
    pub owner_name: String,
    pub owner_pin: String,
}

fn already_set_up() -> Message {
    msg!(
        nl: "Deze zaak is al ingericht. De eigenaar past de instellingen aan onder Instellingen (/settings).",
        en: "This shop is already set up. The owner changes its settings under Instellingen (/settings)."
    )
}

impl Shop {
    /// Whether the shop still waits for its setup: nobody can log in as its owner yet.
    pub async fn needs_setup(&self) -> Result<bool, AppError> {
        self.read(|conn| Ok(!forno_store::staff::has_active_owner(conn)?))
            .await
    }

    /// Finishes the setup and returns the owner's first session. Refused once the shop has an
    /// owner (also when two people finish the wizard at the same moment).
    pub async fn complete_setup(
        &self,
        form: SetupForm,
        now: DateTime<Utc>,
    ) -> Result<Session, AppError> {
        let SetupForm {
            mut settings,
            owner_name,
            owner_pin,
        } = form;
        // Setting up is saying "we are ready": online orders open now.
        settings.paused = false;
        let settings = settings.checked().map_err(|e| e.within("shop"))?;
        let owner_name = check_display_name(&owner_name, "owner.name")?;
        check_new_pin(&owner_pin, "owner.pin")?;
        if !self.needs_setup().await? {
            return Err(AppError::Conflict(already_set_up()));
        }
        let pin_hash = hash_pin(&owner_pin).await?;
        let session = self.new_session(now);
        let (hash, expires_at) = (session.hash.clone(), session.expires_at);
        let (name, shop_name) = (owner_name.clone(), settings.name.clone());
        self.save_settings_with(settings, now, move |conn| {
            if forno_store::staff::has_active_owner(conn)? {
                return Err(AppError::Conflict(already_set_up()));
            }
            let owner = forno_store::staff::insert(conn, &name, Role::Owner, &pin_hash, now)?;
            forno_store::staff::insert_session(conn, &hash, owner, now, expires_at)?;
            forno_store::audit::record(
                conn,
                now,
                Some(owner),
                "shop.set_up",
                None,
                &serde_json::json!({ "shop": shop_name, "owner": name }),
            )?;
            Ok(())
        })
        .await?;
        let lookup = owner_name.clone();
        let owner = self
            .read(move |conn| Ok(forno_store::staff::by_name(conn, &lookup)?))
            .await?
            .ok_or_else(|| AppError::Config("the new owner's account is missing".into()))?;
        Ok(session.of(owner.id, owner.name, owner.role))
    }
}
