//! The menu editor's routes (`/menu/...`, behind `edit_menu`), and the photos everyone may read.

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use forno_domain::msg;

use crate::auth::Staff;
use crate::dto::{
    ArchiveBody, CategoryBody, CreatedDto, ExtraBody, ItemBody, MenuEditorDto, NewOrderBody,
    PhotoDto,
};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, Path};
use crate::state::AppState;

#[utoipa::path(get, path = "/menu/editor", tag = "staff",
    description = "The menu as the owner edits it: the menu as sold, what is archived, the extras, ingredients and allergens to choose from.",
    responses((status = 200, body = MenuEditorDto)))]
pub async fn editor(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<MenuEditorDto>> {
    let view = state.shop.menu_editor(&staff.actor).await?;
    Ok(Json(MenuEditorDto::new(&view)))
}

#[utoipa::path(post, path = "/menu/categories", tag = "staff", request_body = CategoryBody,
    description = "Adds a category at the end of the menu. One `menu.updated` event.",
    responses((status = 201, body = CreatedDto),
        (status = 422, description = "The category is not valid; `field` names what to change")))]
pub async fn create_category(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<CategoryBody>,
) -> ApiResult<(StatusCode, Json<CreatedDto>)> {
    let id = state
        .shop
        .create_category(&staff.actor, body.into_category(0)?, Utc::now())
        .await?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id })))
}

#[utoipa::path(put, path = "/menu/categories/{id}", tag = "staff", params(("id" = i64, Path)), request_body = CategoryBody,
    responses((status = 204, description = "Saved"),
        (status = 404, description = "There is no such category on the menu"),
        (status = 422, description = "The category is not valid; `field` names what to change")))]
pub async fn update_category(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<CategoryBody>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .update_category(&staff.actor, body.into_category(id)?, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/menu/categories/{id}/archive", tag = "staff", params(("id" = i64, Path)), request_body = ArchiveBody,
    description = "Takes a category off the menu (only when none of its items is on it) or puts it back.",
    responses((status = 204, description = "Done"),
        (status = 404, description = "There is no such category"),
        (status = 409, description = "The category still has items on the menu")))]
pub async fn archive_category(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<ArchiveBody>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .archive_category(&staff.actor, id, body.archived, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(put, path = "/menu/categories/order", tag = "staff", request_body = NewOrderBody,
    description = "Puts the categories in a new order: `ids` names every category on the menu once.",
    responses((status = 204, description = "Done"),
        (status = 422, description = "`ids` is not every category once")))]
pub async fn reorder_categories(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<NewOrderBody>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .reorder_categories(&staff.actor, body.ids, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(put, path = "/menu/categories/{id}/items/order", tag = "staff", params(("id" = i64, Path)), request_body = NewOrderBody,
    description = "Puts a category's items in a new order: `ids` names every item of it on the menu once.",
    responses((status = 204, description = "Done"),
        (status = 404, description = "There is no such category on the menu"),
        (status = 422, description = "`ids` is not every item of the category once")))]
pub async fn reorder_items(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<NewOrderBody>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .reorder_items(&staff.actor, id, body.ids, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/menu/items", tag = "staff", request_body = ItemBody,
    description = "Adds an item at the end of its category. Its prices go to the audit log (`menu.item_created`); one `menu.updated` event.",
    responses((status = 201, body = CreatedDto),
        (status = 422, description = "The item is not valid; `field` names what to change (`sizes[1].price_cents`, `extras[0].prices.35`, …)")))]
pub async fn create_item(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<ItemBody>,
) -> ApiResult<(StatusCode, Json<CreatedDto>)> {
    let item = body.into_item(0, &state.shop.menu())?;
    let id = state
        .shop
        .create_item(&staff.actor, item, Utc::now())
        .await?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id })))
}

#[utoipa::path(post, path = "/menu/items/{id}/archive", tag = "staff", params(("id" = i64, Path)), request_body = ArchiveBody,
    description = "Takes an item off the menu or puts it back. Items are never deleted: old orders keep their lines.",
    responses((status = 204, description = "Done"),
        (status = 404, description = "There is no such item"),
        (status = 409, description = "Putting back an item whose category is archived")))]
pub async fn archive_item(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<ArchiveBody>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .archive_item(&staff.actor, id, body.archived, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/menu/extras", tag = "staff", request_body = ExtraBody,
    description = "Adds an extra that items can then offer.",
    responses((status = 201, body = CreatedDto),
        (status = 422, description = "The extra is not valid; `field` names what to change")))]
pub async fn create_extra(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<ExtraBody>,
) -> ApiResult<(StatusCode, Json<CreatedDto>)> {
    let id = state
        .shop
        .create_extra(&staff.actor, body.into_extra(), Utc::now())
        .await?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id })))
}

#[utoipa::path(put, path = "/menu/items/{id}/photo", tag = "staff", params(("id" = i64, Path)),
    request_body(content = Vec<u8>, content_type = "image/jpeg", description = "The photo's bytes: JPEG, PNG or WebP, at most 5 MB."),
    description = "Makes an upload the item's photo: checked to be an image by its bytes, scaled to 160, 480 and 1024 px and kept as JPEG. One `menu.updated` event.",
    responses((status = 201, body = PhotoDto),
        (status = 404, description = "There is no such item on the menu"),
        (status = 413, description = "The photo is over the size limit (`field`: photo)"),
        (status = 422, description = "The file is not a JPEG, PNG or WebP image (`field`: photo)")))]
pub async fn upload_photo(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body,
) -> ApiResult<(StatusCode, Json<PhotoDto>)> {
    let limit = forno_app::photos::MAX_PHOTO_BYTES;
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            msg!(nl: "Foto te groot", en: "Photo too large"),
            forno_app::photos::too_large().message,
        )
        .with_field("photo")
    })?;
    let photo_id = state
        .shop
        .upload_photo(&staff.actor, id, bytes.to_vec(), Utc::now())
        .await?;
    Ok((StatusCode::CREATED, Json(PhotoDto::new(photo_id))))
}

#[utoipa::path(delete, path = "/menu/items/{id}/photo", tag = "staff", params(("id" = i64, Path)),
    description = "Takes the item's photo away: the menu shows none and the photo's addresses answer 404. One `menu.updated` event; none when the item had no photo.",
    responses((status = 204, description = "The item has no photo"),
        (status = 404, description = "There is no such item on the menu")))]
pub async fn remove_photo(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .remove_photo(&staff.actor, id, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/menu/photos/{photo}/{file}", tag = "public",
    params(("photo" = i64, Path), ("file" = String, Path, description = "`small.jpg`, `medium.jpg` or `large.jpg`")),
    description = "A menu photo in one size. Its address changes with every upload, so it may be cached for a year.",
    responses((status = 200, description = "The photo", content_type = "image/jpeg", body = Vec<u8>),
        (status = 304, description = "Not modified (`If-None-Match`)"),
        (status = 404, description = "There is no such photo")))]
pub async fn photo(
    State(state): State<AppState>,
    Path((photo_id, file)): Path<(i64, String)>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let Some(size) = file.strip_suffix(".jpg") else {
        return Err(ApiError::not_found(msg!(
            nl: "Foto's zijn er als small.jpg, medium.jpg en large.jpg.",
            en: "Photos come as small.jpg, medium.jpg and large.jpg."
        )));
    };
    let etag = format!("\"{photo_id}-{size}\"");
    let cache = (
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [cache, (header::ETAG, header_value(&etag))],
        )
            .into_response());
    }
    let file = state.shop.photo(photo_id, size.to_owned()).await?;
    Ok((
        [
            (header::CONTENT_TYPE, header_value(&file.content_type)),
            cache,
            (header::ETAG, header_value(&etag)),
        ],
        file.bytes,
    )
        .into_response())
}

fn header_value(text: &str) -> HeaderValue {
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static("invalid"))
}
