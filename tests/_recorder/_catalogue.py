"""What the recordings must cover, by name: behaviours of Honcho 1.1.0 and its error paths.

Exchanges name what they show in ``covers``; the replay test checks that every entry
here is shown by at least one recorded exchange.

``BEHAVIOURS`` are the server's behaviours the fake must mirror (lists under missing
parents, chat side effects, clones, metamessage aliases, validation, auth of
get-by-id, keys, detail strings, the server's crashes and HTTP details).
``ERROR_PATHS`` are the error answers of the server's routers, crud functions,
security layer and framework, one entry per place an error is raised.
"""

from __future__ import annotations

BEHAVIOURS: dict[str, str] = {
    # lists under a missing or foreign parent answer an empty page
    "lists.users.missing_app": "users list under an unknown app: 200, empty page",
    "lists.sessions.missing_user": "sessions list under an unknown user: 200, empty page",
    "lists.messages.missing_session": "messages list under an unknown session: 200, empty page",
    "lists.messages.foreign_session": "messages list of another user's session: 200, empty page",
    "lists.metamessages.missing_user": "metamessages list under an unknown user: 200, empty page",
    "lists.collections.missing_user": "collections list under an unknown user: 200, empty page",
    "lists.documents.missing_collection": "documents list of an unknown collection: 200, empty",
    "lists.documents.deleted_collection": "documents list of a deleted collection: 200, empty",
    "lists.documents_query.missing_collection": "documents/query on an unknown collection: []",
    # chat side effects
    "chat.creates_honcho_collection": "chat creates the user's collection 'honcho'",
    "chat.saves_representation": "chat saves a honcho_user_representation metamessage",
    "chat.honcho_collection_by_name": "collections.get_by_name('honcho') after chat: 200",
    "chat.unknown_session": "chat on an unknown session: 200",
    # clones
    "clone.empty_not_saved": "clone of an empty session: 200 with a new id",
    "clone.empty_get_404": "get of the clone of an empty session: 404",
    "clone.empty_message_404": "message create on the clone of an empty session: 404",
    "clone.deep_copy_session_metamessages": "deep copy copies metamessages tied to no message",
    "clone.bad_session_detail": "clone of an unknown session: 404 'Session not found'",
    "clone.bad_message_detail": "clone with a foreign message_id: 404 'Session not found'",
    # metamessages
    "metamessages.label_alias_create": "'label' accepted for metamessage_type on create",
    "metamessages.label_alias_list": "'label' accepted as the list filter",
    "metamessages.list_message_without_session": "list with message_id, no session_id: 200",
    "metamessages.update_message_keeps_session": "update with only message_id keeps session",
    "metamessages.update_session_keeps_message": "update with only session_id keeps message_id",
    "metamessages.update_unknown_session_500": "update with only an unknown session_id: 500",
    # validation
    "validation.chat_too_many_queries": "chat with more than 25 queries: 422",
    "validation.chat_query_too_long": "chat with a query over 10,000 characters: 422",
    "validation.collection_honcho_create": "collection named 'honcho' (any case) on create: 422",
    "validation.collection_honcho_update": "collection renamed to 'honcho' (any case): 422",
    "validation.collection_update_empty": "collection update with no fields: 422",
    "validation.document_update_empty": "document update with no fields: 422",
    # document update
    "documents.update_500_saved": "document update answers 500 but the change is saved",
    # get by id with the id omitted or empty
    "get_by_id.omitted.apps": "apps get without app_id: 401 'App ID not found…'",
    "get_by_id.omitted.users": "users get without user_id: 401",
    "get_by_id.omitted.sessions": "sessions get without session_id: 401",
    "get_by_id.omitted.collections": "collections get without collection_id: 401",
    "get_by_id.empty.apps": "apps get with app_id='': 401",
    "get_by_id.empty.users": "users get with user_id='': 401",
    "get_by_id.empty.sessions": "sessions get with session_id='': 401",
    "get_by_id.empty.collections": "collections get with collection_id='': 401",
    "get_by_id.scoped_other_app": "scoped key reaching another app: 'Unauthorized access…'",
    # keys
    "keys.disabled_without_auth": "keys.create on a server without auth: 405",
    "keys.no_scope": "keys.create with no scope (auth on): 422",
    "keys.expires_at_invalid": "a key with expires_at is rejected: 401 'Invalid JWT'",
    "keys.same_scope_same_key": "minting the same scope twice answers the same key",
    # detail strings
    "details.collection_not_found": "'Collection not found or does not belong to user'",
    "details.document_not_found": "\"Document with ID 'x' not found\"",
    "details.document_delete_not_found": "'Document not found or does not belong to user'",
    "details.message_not_found": "message update of an unknown message: 'Message not found'",
    "details.app_update_conflict": "'App update failed - unique constraint violation'",
    "details.user_update_conflict": "'User update failed - unique constraint violation'",
    "details.collection_update_conflict": "'Collection update failed - name already in use'",
    "details.unknown_app_as_child": "an unknown app is reported as the child not found",
    "details.user_create_unknown_app": "user create under an unknown app: 409",
    "details.metadata_size": "document metadata over 10,000 items: the size message",
    # the server's crashes (500)
    "crashes.get_by_name_quote": "get_by_name with a ' in the name: 500",
    "crashes.get_by_name_space": "get_by_name ending in a space: 500",
    "crashes.get_by_name_dash": "get_by_name ending in '-': 500",
    "crashes.get_by_name_emoji": "get_by_name ending in an emoji: 500",
    "crashes.nul_text": "NUL character in text: 500",
    "crashes.nul_metadata": "NUL character in metadata: 500",
    "crashes.json_nan": "a JSON NaN: 500",
    "crashes.empty_batch": "an empty message batch: 500",
    "crashes.empty_queries": "chat with queries []: 500",
    "crashes.unannounced_close": "after a 500 the connection is closed, without Connection: close",
    "crashes.metamessage_type_long_update": "metamessage type over 512 characters on update: 500",
    "conflicts.name_long_update": "names over 512 characters on update: 409",
    # HTTP
    "http.encoded_slash": "%2F inside a segment: 404 'Not Found'",
    "http.trailing_slash": "a trailing slash: 307 to the slashless URL",
    "http.cors_preflight": "CORS preflight (OPTIONS): 200",
    "http.allow_header": "405 with the server's Allow header",
    "http.invalid_utf8": "invalid UTF-8 in a body: 400",
    # auth with scoped keys
    "auth.admin_key": "the admin key reaches every route",
    "auth.app_key": "an app-scoped key",
    "auth.user_key": "a user-scoped key",
    "auth.session_key": "a session-scoped key",
    "auth.collection_key": "a collection-scoped key",
}

ERROR_PATHS: dict[str, str] = {
    # security
    "security.no_token": "401 No access token provided",
    "security.invalid_jwt": "401 Invalid JWT",
    "security.admin_required": "401 Resource requires admin privileges",
    "security.not_permissioned": "401 JWT not permissioned for this resource",
    # framework
    "framework.not_found": "404 Not Found (no route)",
    "framework.method_not_allowed": "405 Method Not Allowed",
    "framework.body_missing": "422 missing body",
    "framework.body_invalid_json": "422 JSON decode error",
    "framework.body_wrong_type": "422 wrong type in body",
    "framework.query_invalid": "422 invalid query parameter",
    "framework.page_invalid": "422 page/size out of range",
    "framework.unhandled": "500 An unexpected error occurred",
    # apps
    "apps.get.unauthorized": "401 Unauthorized access to resource",
    "apps.get.no_id": "401 App ID not found in query parameter or JWT",
    "apps.get.not_found": "404 App with ID x not found",
    "apps.by_name.not_found": "404 App with name 'x' not found",
    "apps.create.conflict": "409 App with name 'x' already exists",
    "apps.create.invalid": "422 name empty or over 100 characters",
    "apps.update.not_found": "404 on update",
    "apps.update.conflict": "409 App update failed",
    # users
    "users.create.conflict": "409 User with this name already exists",
    "users.get.unauthorized_app": "401 Unauthorized access (key of another app)",
    "users.get.unauthorized_user": "401 Unauthorized access (key of another user)",
    "users.get.no_id": "401 User ID not found in query parameter or JWT",
    "users.get.not_found": "404 User with ID 'x' not found",
    "users.by_name.not_found": "404 User with name 'x' not found",
    "users.get_or_create.unknown_app": "409 on get_or_create under an unknown app",
    "users.update.not_found": "404 on update",
    "users.update.conflict": "409 User update failed",
    # sessions
    "sessions.get.unauthorized": "401 Unauthorized access (key of another app/user/session)",
    "sessions.get.no_id": "401 Session ID not found in query parameter or JWT",
    "sessions.get.not_found": "404 Session not found or does not belong to user",
    "sessions.create.user_not_found": "404 User with ID 'x' not found",
    "sessions.update.not_found": "404 on update",
    "sessions.delete.not_found": "404 on delete",
    "sessions.chat.user_not_found": "chat under an unknown user",
    "sessions.chat.invalid": "422 chat options",
    "sessions.clone.not_found": "404 Session not found (clone)",
    # messages
    "messages.create.session_not_found": "404 Session not found or does not belong to user",
    "messages.batch.session_not_found": "404 on batch",
    "messages.batch.too_many": "422 more than 100 messages",
    "messages.get.not_found": "404 Message with ID x not found",
    "messages.update.not_found": "404 Message not found",
    "messages.create.invalid": "422 content over 50,000 characters or wrong types",
    # metamessages
    "metamessages.create.user_not_found": "404 User with ID 'x' not found",
    "metamessages.create.session_not_found": "404 Session not found",
    "metamessages.create.message_not_found": "404 Message not found or does not belong to session",
    "metamessages.create.message_without_session": "422 Cannot specify message_id without…",
    "metamessages.create.invalid": "422 type empty or over 50 characters",
    "metamessages.get.not_found": "404 Metamessage with ID x not found",
    "metamessages.update.not_found": "404 on update",
    "metamessages.update.message_without_session": "422 when the metamessage has no session",
    "metamessages.update.message_not_found": "404 Message not found or doesn't belong to session",
    # collections
    "collections.get.unauthorized": "401 Unauthorized access (key of another scope)",
    "collections.get.no_id": "401 Collection ID not found in query parameter or JWT",
    "collections.get.not_found": "404 Collection not found or does not belong to user",
    "collections.by_name.not_found": "404 Collection with name 'x' not found",
    "collections.create.user_not_found": "404 User with ID 'x' not found",
    "collections.create.conflict": "409 Collection with name 'x' already exists",
    "collections.update.not_found": "404 on update",
    "collections.delete.not_found": "404 on delete",
    "collections.delete.honcho": "422 deleting the 'honcho' collection",
    # documents
    "documents.get.not_found": "404 Document with ID 'x' not found",
    "documents.create.collection_not_found": "404 Collection not found or does not belong to user",
    "documents.create.invalid": "422 content empty",
    "documents.query.invalid": "422 query empty, top_k out of range",
    "documents.update.not_found": "404 on update",
    "documents.delete.collection_not_found": "404 on delete, collection unknown",
    "documents.delete.honcho": "422 deleting a document of the 'honcho' collection",
    "documents.delete.not_found": "404 on delete, document unknown",
    # keys
    "keys.create.invalid_expiry": "422 expires_at not a datetime",
}

# Error raises in the server's routers, crud and security layer that no request reaches,
# and why; they are listed so the coverage above is checkably complete.
UNREACHABLE: dict[str, str] = {
    "security.jwt_expired": "keys store exp as an ISO string; the JWT library rejects a "
    "non-numeric exp before the expiry check, so such keys answer 'Invalid JWT'",
    "sessions.create.value_error": "crud.create_session raises ResourceNotFoundException, "
    "never the ValueError the router turns into 422",
    "sessions.update.value_error": "crud.update_session raises ResourceNotFoundException, "
    "never ValueError ('Session not found')",
    "sessions.delete.value_error": "crud.delete_session raises ResourceNotFoundException, "
    "never ValueError ('Session not found')",
    "messages.create.value_error": "crud.create_message gets the session through get_session, "
    "which raises before the ValueError branch",
    "messages.batch.value_error": "as messages.create.value_error, for batches",
    "messages.list.value_error": "crud.get_messages builds a query and raises nothing",
    "documents.list.value_error": "crud.get_documents builds a query and raises nothing",
    "documents.query.value_error": "crud.query_documents raises no ValueError "
    "('Error querying documents' is never answered)",
    "documents.update.value_error": "crud.get_document raises ResourceNotFoundException; "
    "'Collection or document not found' is never answered",
    "documents.delete.collection_none": "get_collection_by_id raises before the None check "
    "('Collection or Document not found')",
    "metamessages.create.user_none": "get_user raises before the None check",
    "crud.create_collection.honcho": "the schema's validator rejects 'honcho' (any case) first",
    "crud.update_collection.honcho": "the schema's validator rejects 'honcho' (any case) first",
    "apps.get_or_create.conflict": "only a concurrent create with the same name reaches it",
    "crud.create_user_protected_collection.exists": "only a concurrent chat reaches it",
}

ALL_TAGS: frozenset[str] = frozenset(BEHAVIOURS) | frozenset(ERROR_PATHS)
