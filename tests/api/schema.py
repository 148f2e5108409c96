"""The API's operations as its OpenAPI schema lists them, for tests that walk them all."""

from netzwerkstatt.api.api import api

PREFIX = "/api/v1/"


def schema_operations() -> list[tuple[str, str]]:
    """(method, path relative to /api/v1/, with `{param}` placeholders) of every operation."""
    paths = api.get_openapi_schema()["paths"]
    return [
        (method, path.removeprefix(PREFIX))
        for path, operations in paths.items()
        for method in operations
    ]


def schema_operations_by_id() -> dict[str, tuple[str, str]]:
    """operation id → (method, path relative to /api/v1/) of every operation."""
    paths = api.get_openapi_schema()["paths"]
    return {
        operation["operationId"]: (method, path.removeprefix(PREFIX))
        for path, operations in paths.items()
        for method, operation in operations.items()
    }
