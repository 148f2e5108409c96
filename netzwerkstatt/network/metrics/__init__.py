"""Network metrics and health figures as stored snapshots, computed off the request path.

Computing the metrics of a large workspace takes seconds to a minute, so pages
never compute them: they show the newest `MetricsSnapshot` and, when it is stale,
start `metrics_refresh_in_background`. Operators can also compute them from cron
(`netzwerkstatt network-metrics --workspace SLUG`).

- `snapshots`: compute (`metrics_calculate`, `metrics_snapshot_store`,
  `metrics_compute`), read (`metrics_current`, `metrics_summary`,
  `metrics_is_stale`, `metrics_trend`, `metrics_node_values`) and the settings;
- `background`: the database lock and the background thread;
- `steps`: what to do next, computed from the graph with the figures (pure);
- `report`: the health page's lists with current names and links.
"""

from .background import (
    LOCK_EXPIRES,
    LOCK_TOPIC,
    metrics_in_background,
    metrics_is_running,
    metrics_lock_acquire,
    metrics_lock_release,
    metrics_refresh_in_background,
    metrics_refresh_run,
)
from .report import PAGE_LIST, HealthReport, NodeLink, health_report, node_links
from .snapshots import (
    NODE_FIELDS,
    MetricsResult,
    TrendPoint,
    betweenness_sample_size,
    health_figures,
    metrics_calculate,
    metrics_compute,
    metrics_current,
    metrics_is_stale,
    metrics_node_values,
    metrics_snapshot_store,
    metrics_summary,
    metrics_trend,
    network_settings,
    network_settings_update,
)
from .steps import next_steps

__all__ = [
    "LOCK_EXPIRES",
    "LOCK_TOPIC",
    "NODE_FIELDS",
    "PAGE_LIST",
    "HealthReport",
    "MetricsResult",
    "NodeLink",
    "TrendPoint",
    "betweenness_sample_size",
    "health_figures",
    "health_report",
    "metrics_calculate",
    "metrics_compute",
    "metrics_current",
    "metrics_in_background",
    "metrics_is_running",
    "metrics_is_stale",
    "metrics_lock_acquire",
    "metrics_lock_release",
    "metrics_node_values",
    "metrics_refresh_in_background",
    "metrics_refresh_run",
    "metrics_snapshot_store",
    "metrics_summary",
    "metrics_trend",
    "network_settings",
    "network_settings_update",
    "next_steps",
    "node_links",
]
