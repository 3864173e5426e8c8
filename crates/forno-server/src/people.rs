//! Staff accounts and the audit log on the wire: the staff page (`/staff`), a PIN reset,
//! changing your own PIN (`/auth/pin`), and reading the audit log with its filters. Each handler
//! calls one use case; who may do what to whom is forno-app's (and forno-domain's) answer.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};
use forno_app::{AuditQuery, NewStaff, StaffChange};
use forno_domain::{Role, msg};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Staff;
use crate::dto::{
    AuditPageDto, NewStaffBody, OwnPinBody, PinResetBody, StaffAccountDto, StaffChangeBody,
};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, Path, Query};
use crate::state::AppState;

fn person_role(role: &str) -> ApiResult<Role> {
    Role::parse(role)
        .filter(|r| r.is_person())
        .ok_or_else(|| {
            ApiError::invalid(
                "role",
                msg!(
                    nl: "\"{role}\" is geen rol voor een persoon; kies owner, manager, cashier of kitchen.",
                    en: "\"{role}\" is not a role for a person; choose owner, manager, cashier or kitchen."
                ),
            )
        })
}

#[utoipa::path(get, path = "/staff", tag = "staff",
    description = "Every staff account, active ones first: name, role, whether it is active or locked.",
    responses((status = 200, body = Vec<StaffAccountDto>)))]
pub async fn list_staff(
    State(state): State<AppState>,
    staff: Staff,
) -> ApiResult<Json<Vec<StaffAccountDto>>> {
    let accounts = state.shop.staff(&staff.actor).await?;
    Ok(Json(accounts.iter().map(StaffAccountDto::from).collect()))
}

#[utoipa::path(post, path = "/staff", tag = "staff", request_body = NewStaffBody,
    description = "Adds a staff member with a first PIN. Audited as `staff.added`.",
    responses((status = 201, body = StaffAccountDto),
        (status = 422, description = "`field` names what to change: a name someone has, a role, a weak PIN")))]
pub async fn add_staff(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<NewStaffBody>,
) -> ApiResult<(StatusCode, Json<StaffAccountDto>)> {
    let role = person_role(&body.role)?;
    let account = state
        .shop
        .add_staff(
            &staff.actor,
            NewStaff {
                name: body.name,
                role,
                pin: body.pin,
            },
            Utc::now(),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(StaffAccountDto::from(&account))))
}

#[utoipa::path(put, path = "/staff/{id}", tag = "staff", params(("id" = i64, Path)),
    request_body = StaffChangeBody,
    description = "Renames a staff member, gives them another role, or stops (`active: false`) or restarts their account. Stopping ends their sessions at once. The last active owner cannot stop or stop being owner. Audited as `staff.changed`, `staff.deactivated` or `staff.reactivated`.",
    responses((status = 200, body = StaffAccountDto),
        (status = 404, description = "There is no such staff member"),
        (status = 422, description = "`field` names what to change")))]
pub async fn change_staff(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<StaffChangeBody>,
) -> ApiResult<Json<StaffAccountDto>> {
    let role = person_role(&body.role)?;
    let account = state
        .shop
        .change_staff(
            &staff.actor,
            id,
            StaffChange {
                name: body.name,
                role,
                active: body.active,
            },
            Utc::now(),
        )
        .await?;
    // A stopped person's open screens close now, not at their next ping.
    state.hub.credentials_ended();
    Ok(Json(StaffAccountDto::from(&account)))
}

#[utoipa::path(post, path = "/staff/{id}/pin", tag = "staff", params(("id" = i64, Path)),
    request_body = PinResetBody,
    description = "Gives a staff member a new PIN: the owner anyone's, a manager a cashier's or the kitchen's. Lifts a lock-out and ends the person's sessions. Audited as `staff.pin_reset`.",
    responses((status = 204, description = "Reset"),
        (status = 403, description = "This role may not reset this person's PIN (`field`: `id`)"),
        (status = 404, description = "There is no such staff member"),
        (status = 422, description = "The PIN is too weak (`field`: `pin`)")))]
pub async fn reset_staff_pin(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<PinResetBody>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .reset_pin(&staff.actor, id, &body.pin, Utc::now())
        .await?;
    state.hub.credentials_ended();
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/auth/pin", tag = "staff", request_body = OwnPinBody,
    description = "Changes your own PIN: type the current one (a wrong one counts towards the lock-out) and the new one. Your other sessions end; this one stays. Audited as `staff.pin_changed`.",
    responses((status = 204, description = "Changed"),
        (status = 422, description = "`field`: `old_pin` (not right) or `new_pin` (too weak)"),
        (status = 423, description = "Too many wrong PINs: the account is locked for a while; see Retry-After")))]
pub async fn change_own_pin(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<OwnPinBody>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .change_own_pin(
            &staff.actor,
            &staff.token,
            &body.old_pin,
            &body.new_pin,
            Utc::now(),
        )
        .await?;
    state.hub.credentials_ended();
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct AuditParams {
    /// Only what this staff member did.
    pub staff_id: Option<i64>,
    /// One action (`order.cancelled`), or a family ending in a dot (`staff.`).
    pub action: Option<String>,
    /// First day, `YYYY-MM-DD`, in the shop's time zone.
    pub from: Option<String>,
    /// Last day (included), `YYYY-MM-DD`.
    pub to: Option<String>,
    /// The `next_before` of the previous page.
    pub before: Option<i64>,
    /// 1 to 200; 50 if absent.
    pub limit: Option<i64>,
}

fn parse_day(raw: Option<&str>, field: &str) -> ApiResult<Option<NaiveDate>> {
    raw.filter(|d| !d.trim().is_empty())
        .map(|d| {
            d.trim().parse().map_err(|_| {
                ApiError::bad_request(msg!(
                    nl: "\"{d}\" is geen datum zoals 2026-11-25.",
                    en: "\"{d}\" is not a date like 2026-11-25."
                ))
                .with_field(field)
            })
        })
        .transpose()
}

#[utoipa::path(get, path = "/audit", tag = "staff", params(AuditParams),
    description = "The audit log, newest first, a page at a time: who did what with money or trust (cancellations, rejections, discounts, payments, the drawer, price and settings changes, staff and PIN changes, logins and lock-outs, devices). Entries are never changed or removed.",
    responses((status = 200, body = AuditPageDto),
        (status = 422, description = "`field`: `limit` (1 to 200) or `to` (before `from`)")))]
pub async fn audit_log(
    State(state): State<AppState>,
    staff: Staff,
    Query(params): Query<AuditParams>,
) -> ApiResult<Json<AuditPageDto>> {
    let query = AuditQuery {
        staff_id: params.staff_id,
        action: params.action,
        from: parse_day(params.from.as_deref(), "from")?,
        to: parse_day(params.to.as_deref(), "to")?,
        before: params.before,
        limit: params.limit,
    };
    let page = state.shop.audit_log(&staff.actor, query).await?;
    Ok(Json(AuditPageDto::from(page)))
}
