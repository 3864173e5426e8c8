//! The first-run setup wizard's API: whether the shop still needs its setup, and finishing it.
//! Finishing is only allowed from the computer Forno runs on: before the setup the shop has no
//! owner, and nobody else on the shop's Wi-Fi may become one.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use forno_domain::msg;

use crate::addresses::ClientAddr;
use crate::auth::session_response;
use crate::dto::{LoginDto, SettingsDto, SetupBody, SetupStatusDto};
use crate::error::{ApiError, ApiResult};
use crate::extract::JsonBody;
use crate::state::AppState;

#[utoipa::path(get, path = "/setup", tag = "setup",
    responses((status = 200, body = SetupStatusDto)))]
pub async fn status(State(state): State<AppState>) -> ApiResult<Json<SetupStatusDto>> {
    let needs_setup = state.shop.needs_setup().await?;
    Ok(Json(SetupStatusDto {
        needs_setup,
        shop: needs_setup.then(|| SettingsDto::from(&*state.shop.settings())),
        ordering_url: state.ordering_url(""),
        setup_url: state.addresses.local_url("setup"),
    }))
}

#[utoipa::path(post, path = "/setup", tag = "setup", request_body = SetupBody,
    description = "Finishes the first-run setup: saves the shop's settings, creates the owner, opens online ordering and logs the owner in (session cookie). Only from the computer Forno runs on.",
    responses((status = 201, body = LoginDto, description = "Set up; the owner is logged in"),
        (status = 403, description = "Not from the computer Forno runs on"),
        (status = 409, description = "The shop is already set up"),
        (status = 422, description = "A setting or the owner is not valid; `field` names it (`shop.name`, `owner.pin`, …)")))]
pub async fn complete(
    State(state): State<AppState>,
    client: ClientAddr,
    JsonBody(body): JsonBody<SetupBody>,
) -> ApiResult<Response> {
    if !client.this_computer {
        let url = state.addresses.local_url("setup");
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "setup-elsewhere",
            msg!(
                nl: "Rond de inrichting af op de computer van de zaak",
                en: "Finish the setup on the shop's computer"
            ),
            msg!(
                nl: "Voor de veiligheid rond je de inrichting af op de computer waarop Forno draait: open daar {url}.",
                en: "For safety the setup is finished on the computer Forno runs on: open {url} there."
            ),
        ));
    }
    let session = state
        .shop
        .complete_setup(body.into_form()?, Utc::now())
        .await?;
    session_response(
        StatusCode::CREATED,
        &session.actor,
        session.token,
        session.expires_at,
    )
}
