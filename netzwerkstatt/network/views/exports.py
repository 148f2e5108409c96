"""The (filtered) relationship graph as GEXF 1.3, GraphML and CSV node and edge lists."""

from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.core.spreadsheet import csv_stream

from .. import exporters
from ..graphview import graph_filtered
from .map import MapFilterForm

# Exports hold names of persons and who knows whom: like the contact exports, the team only.
PERMISSION = "export_contacts"
FORMATS = {
    "gexf": ("gexf", "application/gexf+xml"),
    "graphml": ("graphml", "application/graphml+xml"),
    "nodes.csv": ("knoten.csv", "text/csv; charset=utf-8"),
    "edges.csv": ("kanten.csv", "text/csv; charset=utf-8"),
}


@require_GET
@scoped_view(permission=PERMISSION)
def graph_export(request, file_format: str) -> HttpResponse:
    """The graph as the map's filters restrict it (without the map's cap on nodes)."""
    scope = request.scope
    form = MapFilterForm(request.GET, scope=scope)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    data = graph_filtered(scope=scope, filters=form.graph_filter()).data
    include_trust = scope.can("view_trust")
    activity_record(
        scope=scope,
        action=Action.EXPORTED,
        details={
            "model": "network.tie",
            "format": file_format,
            "nodes": len(data.nodes),
            "edges": len(data.edges),
        },
    )
    suffix, content_type = FORMATS[file_format]
    filename = f"netzwerk-{timezone.localdate():%Y-%m-%d}.{suffix}"
    if file_format == "gexf":
        response = HttpResponse(
            exporters.gexf_bytes(data, include_trust=include_trust), content_type=content_type
        )
    elif file_format == "graphml":
        response = HttpResponse(
            exporters.graphml_bytes(data, include_trust=include_trust), content_type=content_type
        )
    else:
        table = (
            exporters.node_table(data)
            if file_format == "nodes.csv"
            else exporters.edge_table(data, include_trust=include_trust)
        )
        response = StreamingHttpResponse(csv_stream(*table), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
