"""The World Café of an event: planning, plan, printouts and results (see views.worldcafe)."""

from django.urls import path

from .views import worldcafe

urlpatterns = [
    path("<int:pk>/world-cafe/", worldcafe.world_cafe, name="world_cafe"),
    path(
        "<int:pk>/world-cafe/einstellungen/",
        worldcafe.world_cafe_settings,
        name="world_cafe_settings",
    ),
    path(
        "<int:pk>/world-cafe/themen/",
        worldcafe.world_cafe_topic_create,
        name="world_cafe_topic_create",
    ),
    path(
        "<int:pk>/world-cafe/themen/verteilen/",
        worldcafe.world_cafe_topics_deal,
        name="world_cafe_topics_deal",
    ),
    path(
        "<int:pk>/world-cafe/themen/tische/",
        worldcafe.world_cafe_topic_grid,
        name="world_cafe_topic_grid",
    ),
    path(
        "world-cafe/themen/<int:pk>/",
        worldcafe.world_cafe_topic_update,
        name="world_cafe_topic_update",
    ),
    path(
        "world-cafe/themen/<int:pk>/loeschen/",
        worldcafe.world_cafe_topic_delete,
        name="world_cafe_topic_delete",
    ),
    path(
        "<int:pk>/world-cafe/nicht-zusammen/",
        worldcafe.world_cafe_keep_apart,
        name="world_cafe_keep_apart",
    ),
    path("<int:pk>/world-cafe/wuensche/", worldcafe.world_cafe_wishes, name="world_cafe_wishes"),
    path("<int:pk>/world-cafe/planen/", worldcafe.world_cafe_plan, name="world_cafe_plan"),
    path("<int:pk>/world-cafe/tauschen/", worldcafe.world_cafe_swap, name="world_cafe_swap"),
    path(
        "<int:pk>/world-cafe/ergebnisse/", worldcafe.world_cafe_results, name="world_cafe_results"
    ),
    path(
        "world-cafe/tischrunden/<int:pk>/ergebnis/",
        worldcafe.world_cafe_result,
        name="world_cafe_result",
    ),
    path(
        "<int:pk>/world-cafe/tischplan.pdf",
        worldcafe.world_cafe_table_plan_pdf,
        name="world_cafe_table_plan_pdf",
    ),
    path(
        "<int:pk>/world-cafe/laufzettel.pdf",
        worldcafe.world_cafe_schedule_cards_pdf,
        name="world_cafe_schedule_cards_pdf",
    ),
    path(
        "<int:pk>/world-cafe/namensschilder.pdf",
        worldcafe.world_cafe_badges_pdf,
        name="world_cafe_badges_pdf",
    ),
    path(
        "<int:pk>/world-cafe/tischaufsteller.pdf",
        worldcafe.world_cafe_topic_signs_pdf,
        name="world_cafe_topic_signs_pdf",
    ),
]
